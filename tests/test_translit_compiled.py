"""The compiled transliteration decoder (setup.py builds linker/translit/model.py with Cython) against the same
source run as plain Python: same n-best lists, same floats, and an extension built from the current source."""
import gzip
import importlib.util
import math
from pathlib import Path

import msgspec
import pytest

import linker.translit.model as compiled
from linker.translit import DATA, LM_WEIGHT, JOINT_WEIGHT, LONGEST, UNSEEN, _units

SOURCE = Path(compiled.__file__).with_name("model.py")
pytestmark = pytest.mark.skipif(not compiled.__file__.endswith(".so"),
                                reason="the decoder extension is not built (pip install -e . builds it)")

#: Names of both scripts (and letter soup the model never saw), spelled by the decoder word by word.
WORDS = {"l2u": ["khasan", "putin", "pyongyang", "tokyo", "donald", "trump", "karachi", "murakami", "xqzt",
                 "aaaaaa", "schwarzenegger", "nguyen", "ouagadougou", "llanfair"],
         "u2l": ["کھاسن", "پوتن", "ٹوکیو", "ڈونلڈ", "ٹرمپ", "کراچی", "لاہور", "پیانگ", "ژغظ", "ءءء",
                 "شوارزنیگر", "اواگادوگو"]}


@pytest.fixture(scope="module")
def models():
    """The decoders of both directions built from the shipped tables by the extension and by the .py source."""
    spec = importlib.util.spec_from_file_location("_translit_model_source", SOURCE)
    source = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(source)
    with gzip.open(DATA, "rb") as fh:
        raw = msgspec.json.decode(fh.read())
    built = {}
    for name, module in (("compiled", compiled), ("source", source)):
        built[name] = {d: (module.UnitModel(raw[d]),
                           module.CharLM(raw["lm_order"], raw["lm_urdu" if d == "l2u" else "lm_latin"]),
                           module.JointLM(raw[d + "_joint"]["vocab"], raw[d + "_joint"]["counts"]))
                       for d in ("l2u", "u2l")}
    built["modules"] = (compiled, source)
    return built


def _spell(module, decoders, direction, word, k, beam):
    """The word's k-best (spelling, score) as the transliterator computes them, with this module's decoder."""
    unit_model, lm, joint = decoders[direction]
    units = _units(direction, word)
    scores, nodes = module.search(unit_model.dists(units), k, beam)
    return module.rescored(lm, joint, units, scores, nodes, LM_WEIGHT[direction], JOINT_WEIGHT[direction])


@pytest.mark.parametrize("direction", ["l2u", "u2l"])
def test_compiled_decoder_spells_words_as_the_source_does(models, direction):
    """Every k-best list (several k and beams) has the same spellings in the same order with the same floats."""
    compiled_module, source_module = models["modules"]
    for word in WORDS[direction]:
        for k, beam in ((5, 3), (8, 3), (12, 5)):
            got = _spell(compiled_module, models["compiled"], direction, word, k, beam)
            want = _spell(source_module, models["source"], direction, word, k, beam)
            assert got == want, (word, k, beam)
            assert all(math.isfinite(s) for _, s in got)
        assert models["compiled"][direction][0].nbest(_units(direction, word), 5) == \
            models["source"][direction][0].nbest(_units(direction, word), 5)


@pytest.mark.parametrize("latin, urdu", [("karachi", "کراچی"), ("london", "کراچی"), ("tokyo", "ٹوکیو"),
                                         ("putin", "پیوٹن"), ("xqzt", "ا")])
def test_compiled_forced_alignment_and_character_model_match_the_source(models, latin, urdu):
    """Forced alignment (attested spellings) and the character models give the same floats compiled."""
    units = _units("l2u", latin)
    got, want = (models[name]["l2u"][0].forced(units, urdu, UNSEEN, LONGEST["l2u"]) for name in ("compiled", "source"))
    assert got == want
    for direction, word in (("l2u", urdu), ("u2l", latin)):
        assert models["compiled"][direction][1].logprob(word) == models["source"][direction][1].logprob(word)


def test_compiled_decoder_is_built_from_the_current_source():
    """An edited model.py needs a rebuild (pip install -e .): the extension would otherwise hide the edit."""
    assert Path(compiled.__file__).stat().st_mtime >= SOURCE.stat().st_mtime, \
        "linker/translit/model.py is newer than its compiled extension: rebuild with pip install -e ."
