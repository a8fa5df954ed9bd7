"""Latin names respelled the way an English reader would write their sound (Chomutov -> Khomutov).

The transliteration model learned Urdu spellings from English spellings, so it reads every Latin name as
English: Czech *Chomutov* as چوموتوو, Polish *Kętrzyn* as کیترزین, French *Jacques Chirac* as جککیس چیراک.
Urdu writes such names as they sound in their own language: خومتو, کینتشن, ژاک شیراک. A name of an entity
whose country speaks a language with its own letter values is respelled by that language's rules (the
language is the country's, which is wrong for some names but right for most); the build indexes the
respelling next to the name and spells it in Urdu too (:mod:`linker.names`: Khomutov -> خموتوو, Kentshin ->
کینتشین, Zhak Shirac -> ژاک شیراک), for entities without an Urdu name, as it does the generated spellings.

`epitran` does this kind of work, but builds each language's tables through panphon and pandas in 4-5 s and
reads French letter by letter (Jacques -> ʒakkəs); these few rules per language are all the model needs.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

from .keys import GENERIC_EN, script_of

_V = "aeiouyàáâãäåèéêëìíîïòóôõöùúûüýěůőű"   # vowels, for the rules that look at the next or last letter

#: Ordered (pattern, replacement) rules per language, applied to each lower-cased word; letters no rule
#: names are left for the model (and unidecode) as they are. A capital in a replacement is a letter that no
#: later rule may change (lower-cased at the end).
_RULES: dict[str, list[tuple[str, str]]] = {
    "tr": [("(?<=\\w)oğlu$", " oğlu"), ("c", "j"), ("ç", "ch"), ("ş", "sh"), ("ğ", "gh"), ("ı", "i"), ("ö", "o"),
           ("ü", "u"), ("â", "a")],
    "az": [("c", "j"), ("ç", "ch"), ("ş", "sh"), ("ğ", "gh"), ("ı", "i"), ("ö", "o"), ("ü", "u"), ("ə", "a"),
           ("x", "kh"), ("q", "g")],
    "pl": [("ch", "kh"), ("szcz", "shch"), ("(?<=[tpk])rz", "sh"), ("rz", "zh"), ("sz", "sh"), ("cz", "ch"),
           (f"dzi(?=[{_V}])", "J"), ("d[źż]", "J"),
           (f"ci(?=[{_V}])", "ch"), (f"si(?=[{_V}])", "sh"), (f"zi(?=[{_V}])", "zh"), (f"ni(?=[{_V}])", "ny"),
           ("ć", "ch"), ("ś", "sh"), ("[źż]", "zh"), ("ń", "n"), ("w", "v"), ("ł", "w"), ("ę", "en"), ("ą", "on"),
           ("ó", "u"), ("y", "i"), ("j", "y"), ("c(?!h)", "ts"), ("ie", "ye")],
    "cs": [("ch", "kh"), ("[yý]", "i"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ř", "r"), ("c(?!h)", "ts"),
           ("ě", "ye"), ("ů", "u"), ("j", "y"), ("ň", "n"), ("ť", "t"), ("ď", "d")],
    "sh": [("dž", "J"), ("đ", "J"), ("j", "y"), ("c(?!h)", "ts"), ("[čć]", "ch"), ("š", "sh"), ("ž", "zh")],
    "lv": [("c(?!h)", "ts"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("j", "y"), ("ģ", "g"), ("ķ", "k"), ("ļ", "l"),
           ("ņ", "n")],
    "es": [("ll", "y"), ("ñ", "ny"), ("qu(?=[eiéí])", "k"), ("gu(?=[eiéí])", "g"), ("g(?=[eiéí])", "kh"),
           ("j", "kh"), ("z", "s"), ("^h", ""), ("y$", "i")],
    # Spanish names in the Philippines: j is h (Madridejos), h is spoken
    "ph": [("ll", "y"), ("ñ", "ny"), ("qu(?=[eiéí])", "k"), ("gu(?=[eiéí])", "g"), ("j", "h"), ("z", "s")],
    "pt": [("ão", "aon"), ("ões", "oins"), ("lh", "ly"), ("nh", "ny"), ("ç", "s"), ("ch", "sh"), ("x", "sh"),
           ("j", "zh"), ("g(?=[eiéí])", "zh"), ("qu(?=[eiéí])", "k"), ("gu(?=[eiéí])", "g")],
    "it": [("gli", "ly"), ("gn", "ny"), ("sci(?=[aou])", "sh"), ("sc(?=[ei])", "sh"), ("ch", "k"), ("gh", "g"),
           ("ci(?=[aou])", "ch"), ("c(?=[ei])", "ch"), ("gi(?=[aou])", "j"), ("g(?=[ei])", "j"),
           ("zz", "ts"), ("z", "ts"), ("qu", "kw")],
    "fr": [("cqu", "k"), ("qu", "k"), ("c(?=[eiéèêy])", "s"), ("(?<=[aeiouy])[sdtxz]$", ""), ("eaux?$", "o"),
           ("eau", "o"), ("aux?$", "o"), ("au", "o"), ("oi", "wa"), ("ou", "u"), ("[eé]es?$", "e"),
           ("(?<=[a-z]{2})e$", ""), ("(?<=[a-z]{2})es$", ""), ("ch", "sh"), ("j", "zh"), ("g(?=[eiéèêy])", "zh"),
           ("gn", "ny"), ("ç", "s"), ("ill$", "iy"), ("ai", "e"), ("ei", "e"), ("eu", "e"), ("[éèêë]", "e")],
    "de": [("tsch", "ch"), ("sch", "sh"), ("^s(?=[tp])", "sh"), ("ch", "kh"), ("ei", "AI"), ("ie", "i"),
           ("[eä]u", "oi"), ("ä", "e"), ("ö", "o"), ("ü", "u"), ("ß", "s"), ("tz", "ts"), ("z", "ts"), ("j", "y"),
           ("^v", "f"), ("w", "v"), ("ck", "k")],
    "nl": [("sch", "skh"), ("oe", "u"), ("ij", "ai"), ("ui", "au"), ("j", "y"), ("w", "v"), ("aa", "a"),
           ("ee", "e"), ("oo", "o"), ("uu", "u"), ("g", "kh")],
    "mt": [("ġ", "J"), ("j", "y"), ("għ", ""), ("ħ", "h"), ("x", "sh"), ("ċ", "ch"), ("ż", "z"), ("q", "")],
    "ro": [("[șş]", "sh"), ("[țţ]", "ts"), ("ă", "a"), ("[âî]", "i"), ("ch(?=[ei])", "k"), ("c(?=[ei])", "ch"),
           ("gh(?=[ei])", "g"), ("g(?=[ei])", "j")],
    "hu": [("gy", "J"), ("j", "y"), ("cs", "C"), ("zs", "Z"), ("s(?!z)", "sh"), ("sz", "s"), ("c", "ts"),
           ("ty", "ch"), ("ly", "y"), ("C", "ch"), ("Z", "zh"), ("[öő]", "o"), ("[üű]", "u")],
    "sq": [("xh", "J"), ("gj", "J"), ("j", "y"), ("c", "ts"), ("[çq]", "ch"), ("ë", "a"), ("x", "dz")],
    "id": [("c(?!h)", "ch"), ("sy", "sh")],
    "zh": [("zh", "j"), ("x", "sh"), ("q", "ch"), ("c(?!h)", "ts"), ("ê", "e"), ("ü", "u")],
    "nordic": [("sj", "sh"), ("kj", "ch"), ("j", "y"), ("å", "o"), ("ø", "o"), ("æ", "e")],
}

#: The language whose letter values a country's names follow (ISO 3166-1 alpha-2 -> a key of _RULES).
LANGUAGE_OF_COUNTRY: dict[str, str] = {
    "TR": "tr", "CY": "tr", "AZ": "az", "PL": "pl", "CZ": "cs", "SK": "cs",
    **dict.fromkeys(("HR", "BA", "SI", "RS", "ME"), "sh"), "LV": "lv", "LT": "lv",
    **dict.fromkeys(("ES", "MX", "AR", "CO", "PE", "VE", "CL", "EC", "BO", "PY", "UY", "CU", "DO", "GT", "HN",
                     "SV", "NI", "CR", "PA", "PR", "GQ"), "es"),
    **dict.fromkeys(("PT", "BR", "AO", "MZ", "CV", "GW", "ST", "TL"), "pt"),
    "IT": "it", "SM": "it", "VA": "it",
    **dict.fromkeys(("FR", "MC", "HT", "SN", "CI", "ML", "BF", "NE", "GN", "BJ", "TG", "CM", "GA", "CG",
                     "CD", "MG", "DJ", "KM", "TD", "CF", "BI", "RW", "NC", "PF", "RE", "GP", "MQ", "GF"), "fr"),
    **dict.fromkeys(("DE", "AT", "LI", "CH", "LU"), "de"), **dict.fromkeys(("NL", "SR"), "nl"),
    "MT": "mt", "RO": "ro", "MD": "ro", "HU": "hu", "AL": "sq", "XK": "sq", "ID": "id", "CN": "zh", "PH": "ph",
    **dict.fromkeys(("SE", "NO", "DK", "FI", "IS"), "nordic"),
}

#: English words of English labels (Chomutov District, University of Zagreb), which keep their English letters.
_ENGLISH = GENERIC_EN | frozenset(
    "of the and de del la le university national international new north south east west upper lower central "
    "great little saint st bay park airport party club company bank group football".split())

_COMPILED = {lang: [(regex.compile(p), r) for p, r in rules] for lang, rules in _RULES.items()}
_WORD = regex.compile(r"\p{L}+")


def language(country: str) -> str:
    """The respelling language of an entity's country ("" if none; the first of several: "CA | US")."""
    return LANGUAGE_OF_COUNTRY.get(country.split("|")[0].strip(), "")


@lru_cache(maxsize=50_000)
def _word(word: str, lang: str) -> str:
    out = word.lower()
    for pattern, repl in _COMPILED[lang]:
        out = pattern.sub(repl, out)
    out = out.lower()   # capitals stand for letters no later rule may touch (Albanian xh -> J, not j -> y)
    return out.capitalize() if word[:1].isupper() else out


def respell(name: str, lang: str) -> str:
    """``name`` with each word respelled by ``lang``'s letter values (the name itself for no language); English
    words are left as they are."""
    if lang not in _COMPILED:
        return name
    name = unicodedata.normalize("NFC", name)  # the rules name composed letters (č, not c + caron)
    return _WORD.sub(lambda m: m.group() if m.group().lower() in _ENGLISH else _word(m.group(), lang), name)


def respellings(names: Iterable[tuple[str, str, str]], country: str) -> list[tuple[str, str, str]]:
    """(respelling, language, "respelled") for each Latin-script name (of ``names``: name, lang, kind) of an
    entity in ``country`` that the country's language respells."""
    lang = language(country)
    if not lang:
        return []
    out = []
    for name, _, _ in names:
        if script_of(name) == "latn" and (spelled := respell(name, lang)) != name:
            out.append((spelled, lang, "respelled"))
    return out
