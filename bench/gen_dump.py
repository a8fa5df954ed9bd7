"""Write a synthetic Wikidata JSON dump (for bench/build.py): the real layout and realistic entity sizes.

Each line is one item as in ``latest-all.json``: labels, descriptions and aliases in many languages,
statements with qualifiers and references, sitelinks. Sitelink counts follow a heavy-tailed distribution
(most items have few), about 1 item in 8 has an Urdu label, 1 in 500 is a disambiguation page.
Nothing here comes from real data; it is random text of realistic shape.

    python bench/gen_dump.py OUT.json[.gz|.bz2] [--entities 100000] [--seed 1]
"""
from __future__ import annotations

import argparse
import bz2
import random
import string

import msgspec
from isal import igzip

LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "ru", "uk", "ja", "zh", "ar", "fa", "hi", "ur", "pt", "sv",
         "fi", "tr", "ko", "he", "cs", "hu", "ro", "ca", "id", "vi", "bn", "ta", "mul"]
URDU = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہیے"
CLASSES = ["Q5", "Q515", "Q532", "Q3957", "Q4830453", "Q7278", "Q43229", "Q13442814", "Q16521", "Q4022",
           "Q486972", "Q11424", "Q482994", "Q7889", "Q835714"]


def _words(alphabet: str, n: int = 20_000) -> list[str]:
    rng = random.Random(alphabet)
    return ["".join(rng.choices(alphabet, k=rng.randint(3, 10))) for _ in range(n)]


_POOLS = {"latn": _words(string.ascii_lowercase), "urdu": _words(URDU)}


def _text(rng: random.Random, words: int, script: str = "latn") -> str:
    return " ".join(rng.choices(_POOLS[script], k=words)).capitalize()


def _snak(prop: str, datavalue: dict) -> dict:
    return {"snaktype": "value", "property": prop, "hash": "%040x" % random.getrandbits(160),
            "datavalue": datavalue, "datatype": "wikibase-item"}


def _item(qid: str) -> dict:
    return {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}, "type": "wikibase-entityid"}


def _statement(rng: random.Random, prop: str, datavalue: dict) -> dict:
    ref = {"hash": "%040x" % rng.getrandbits(160),
           "snaks": {"P248": [_snak("P248", _item(f"Q{rng.randint(1, 10**8)}"))],
                     "P813": [_snak("P813", {"value": {"time": "+2023-01-01T00:00:00Z", "precision": 11},
                                             "type": "time"})]},
           "snaks-order": ["P248", "P813"]}
    return {"mainsnak": _snak(prop, datavalue), "type": "statement", "id": f"Q1${rng.getrandbits(64):x}",
            "rank": "normal", "references": [ref] * rng.randint(0, 2)}


def entity(rng: random.Random, n: int) -> dict:
    qid = f"Q{n + 1}"
    langs = rng.sample(LANGS, rng.randint(3, len(LANGS)))
    if rng.random() < 0.125 and "ur" not in langs:
        langs.append("ur")
    elif rng.random() >= 0.125 and "ur" in langs:
        langs.remove("ur")
    name = _text(rng, rng.randint(1, 3))
    labels = {lang: {"language": lang, "value": _text(rng, 2, "urdu") if lang == "ur" else name} for lang in langs}
    descriptions = {lang: {"language": lang, "value": _text(rng, rng.randint(2, 8))}
                    for lang in langs[: rng.randint(1, len(langs))]}
    aliases = {lang: [{"language": lang, "value": _text(rng, 2)} for _ in range(rng.randint(1, 4))]
               for lang in langs[: rng.randint(0, 6)]}
    p31 = "Q4167410" if rng.random() < 0.002 else rng.choice(CLASSES)
    claims = {"P31": [_statement(rng, "P31", _item(p31))],
              "P17": [_statement(rng, "P17", _item(f"Q{rng.randint(1, 250)}"))]}
    if rng.random() < 0.5:
        claims["P625"] = [_statement(rng, "P625", {"value": {
            "latitude": rng.uniform(-90, 90), "longitude": rng.uniform(-180, 180), "altitude": None,
            "precision": 0.0001, "globe": "http://www.wikidata.org/entity/Q2"}, "type": "globecoordinate"})]
        claims["P1082"] = [_statement(rng, "P1082", {"value": {"amount": f"+{rng.randint(10, 10**7)}",
                                                                "unit": "1"}, "type": "quantity"})]
    for _ in range(rng.randint(3, 25)):
        prop = f"P{rng.randint(100, 9000)}"
        claims.setdefault(prop, []).append(
            _statement(rng, prop, {"value": _text(rng, rng.randint(1, 4)), "type": "string"}))
    sites = min(300, int(rng.paretovariate(1.2)) - 1)
    sitelinks = {f"{lang}wiki": {"site": f"{lang}wiki", "title": name, "badges": []}
                 for lang in (langs * 12)[:sites]}
    return {"type": "item", "id": qid, "labels": labels, "descriptions": descriptions, "aliases": aliases,
            "claims": claims, "sitelinks": sitelinks, "lastrevid": rng.randint(1, 2 * 10**9),
            "modified": "2024-01-01T00:00:00Z", "pageid": n + 1, "ns": 0, "title": qid}


def write_dump(path: str, entities: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    random.seed(seed)
    opener = igzip.open if path.endswith(".gz") else bz2.open if path.endswith(".bz2") else open
    with opener(path, "wb") as f:
        f.write(b"[\n")
        for n in range(entities):
            f.write(msgspec.json.encode(entity(rng, n)) + (b",\n" if n + 1 < entities else b"\n"))
        f.write(b"]\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write_dump(args.out, args.entities, args.seed)


if __name__ == "__main__":
    main()
