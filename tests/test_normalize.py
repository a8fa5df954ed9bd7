"""The normaliser: URDU.md's code-point facts, offsets back to the original, and properties on any Unicode."""
import pytest
from hypothesis import given, settings, strategies as st

from linker.normalize import _UNCHANGED_CHARS, _fold_text, normalize, normalize_text

URDU_MIX = st.sampled_from(list(
    "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےئۓۀۂهةكيىأإآ٠١٩۰۱۹ـ،۔؟؍’“”"
    "\u064b\u064e\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u200c\u200d\u200e\u202b\u00a0\u2009 \t\n"
    "ﷺﻳﻴﻫﻬﮪﮦﯾﮯﺎabcé\u0301\u0300ﬁ①²"))
TEXT = st.lists(st.one_of(URDU_MIX, st.characters()), max_size=40).map("".join)


@pytest.mark.parametrize("raw, expected", [
    ("كراچي", "کراچی"),            # Arabic kaf and yeh -> Urdu
    ("مصطفى", "مصطفی"),            # alef maksura -> Urdu yeh
    ("مدرسة", "مدرسۃ"),            # teh marbuta -> Urdu ۃ
    ("خانۀ", "خانۂ"),              # heh with yeh above -> heh goal with hamza
    ("شهر", "شہر"),                # Arabic heh after a non-aspirable letter -> heh goal
    ("لاهور", "لاہور"),
    ("بهارت", "بھارت"),            # Arabic heh after an aspirable stop inside a word -> do-chashmi
    ("كهاسن", "کھاسن"),
    ("مدینه", "مدینہ"),            # word-final heh -> heh goal
    ("دریاۓ", "دریائے"),           # ye barree with hamza -> hamza seat + bari ye
    ("ﻳﻮﻧﻴﻮﺭﺳﭩﯽ", "یونیورسٹی"),     # presentation forms: NFKC gives ARABIC yeh, folded to Urdu
    ("ﮐﮭﺎﺳﻦ", "کھاسن"),            # presentation forms of keheh and do-chashmi
    ("پاکِستان", "پاکستان"),         # zer dropped
    ("مُحَمَّد", "محمد"),              # zabar, pesh, shadda dropped
    ("علیٰ", "علی"),                # superscript alef U+0670 dropped
    ("ہاںً", "ہاں"),                # tanween dropped
    ("ماســکو", "ماسکو"),           # tatweel
    ("پیانگ\u200cیانگ", "پیانگیانگ"),  # ZWNJ
    ("\u202bماسکو\u202c", "ماسکو"),  # bidi embedding
    ("a\u00a0b\u2009c\td", "a b c d"),  # odd spaces and tab
    ("۱۹۴۷", "1947"),              # Urdu/Persian digits
    ("١٩٤٧", "1947"),              # Arabic-Indic digits
    ("१९४७", "1947"),              # any decimal digit system
    ("۳٫۵", "3.5"),                # Arabic decimal separator
    ("أحمد", "احمد"),              # alef with hamza -> alef
    ("آباد", "آباد"),              # alef madda is an Urdu letter: kept
    ("ئ", "ئ"),                    # never NFD: ئ stays one letter
    ("\u064a\u0654", "ئ"),         # decomposed yeh + hamza -> ئ, then not folded apart
    ("\u06c1\u0654", "ۂ"),         # heh goal + hamza composes
])
def test_folds(raw, expected):
    assert normalize(raw).text == expected
    assert normalize_text(raw) == expected


def test_nfkc_presentation_forms_never_give_bari_ye():
    # urduhack maps U+FEF3/FEF4 (yeh initial/medial) to ے, which is final-only
    assert normalize("\ufef3\ufef4").text == "یی"


def test_salawat_sign_expands_and_maps_back_to_one_character():
    text = "محمد ﷺ نے"
    n = normalize(text)
    assert n.text == "محمد صلی اللہ علیہ وسلم نے"
    start = n.text.index("صلی")
    end = n.text.index(" نے")
    assert n.to_original(start, end) == (5, 6)
    assert n.to_original(n.text.index("نے"), len(n.text)) == (7, 9)


def test_offsets_skip_dropped_characters():
    text = "ماســکو اور"
    n = normalize(text)
    s, e = n.to_original(0, len("ماسکو"))
    assert text[s:e] == "ماســکو"


@pytest.mark.parametrize("raw", ["\ufb01\u200e\u0301", "a\u0640\u0301", "\u0301x"])
def test_a_mark_cut_off_from_its_letter_is_dropped(raw):
    # a bidi mark or tatweel between a letter and its accent would otherwise leave a mark that a second
    # pass composes (not idempotent)
    assert "\u0301" not in normalize(raw).text


def test_clean_text_is_returned_unchanged_with_identity_offsets():
    text = "ولادیمیر پوتن نے ماسکو میں کہا۔ Putin 2024"
    n = normalize(text)
    assert n.text == text
    assert n.starts == tuple(range(len(text)))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_properties_on_arbitrary_unicode(text):
    n = normalize(text)                                   # never raises
    assert normalize(n.text).text == n.text               # idempotent
    assert normalize_text(text) == n.text                 # the fast path agrees
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):                          # every char maps into the original, in order
        assert 0 <= n.starts[i] < n.ends[i] <= len(text)
        assert i == 0 or n.starts[i] >= n.starts[i - 1]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_spans_slice_the_original_back(text, data):
    n = normalize(text)
    if not n.text:
        return
    i = data.draw(st.integers(0, len(n.text) - 1))
    j = data.draw(st.integers(i + 1, len(n.text)))
    s, e = n.to_original(i, j)
    # the original slice normalises to a text that contains the normalised span; Arabic heh is the one
    # fold that looks at the next letter (ه -> ھ inside a word, ہ at its end), so ھ/ہ count as one here
    same = str.maketrans("ھ", "ہ")
    assert n.text[i:j].strip().translate(same) in normalize(text[s:e]).text.translate(same)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(_UNCHANGED_CHARS)), max_size=30).map("".join))
def test_text_of_unchanged_characters_is_its_own_normal_form(text):
    # normalize/normalize_text return such text as it is without looking: the long way must agree
    assert _fold_text(text) == text
