"""Server-rendered pages (they work without JavaScript): ``/`` link a text, ``/lookup``, ``/translit``."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from . import params
from .highlight import segments, type_class
from .service import get_linker

bp = Blueprint("pages", __name__)
bp.add_app_template_filter(type_class)

#: One-click examples for the link form (hand-written sentences).
EXAMPLES = (
    ("Putin in Moscow", "روسی صدر ولادیمیر پوتن نے ماسکو میں کہا کہ شمالی کوریا کے ساتھ تعلقات مزید مضبوط ہوں گے۔"),
    ("Trump and Pyongyang", "امریکی صدر ڈونلڈ ٹرمپ کی کم جونگ-اون سے ملاقات کے بعد پیانگ یانگ میں جشن منایا گیا۔"),
    ("Tokyo to Karachi", "ٹوکیو سے کراچی آنے والی پرواز خراب موسم کے باعث تین گھنٹے تاخیر کا شکار رہی۔"),
    ("Khasan border", "روس اور شمالی کوریا کی سرحد پر واقع قصبے کھاسن میں ریلوے پل کی مرمت مکمل ہو گئی۔"),
    ("NATO", "نیٹو کے سیکرٹری جنرل نے ماسکو کے بیان کو غیر ذمہ دارانہ قرار دیا۔"),
)
LOOKUP_EXAMPLES = ("پوتن", "پیونگ یانگ", "ماسکو", "Tokyo", "کھاسن")
TRANSLIT_EXAMPLES = (("کھاسن", "latn"), ("ولادیمیر پوتن", "latn"), ("Pyongyang", "urdu"), ("Donald Trump", "urdu"))


@bp.route("/", methods=["GET", "POST"])
def index():
    linker = get_linker()
    text = request.form.get("text", "") if request.method == "POST" else ""
    ctx = {"text": text, "examples": EXAMPLES, "mentions": None, "error": None}
    status = 200
    if request.method == "POST":
        try:
            params.text(text)
        except HTTPException as e:
            ctx["error"], status = e.description, e.code
        else:
            mentions = linker.link(text)
            ctx["mentions"] = mentions
            ctx["segments"] = segments(text, mentions)
            ctx["translits"] = {m.surface: _first(linker.transliterate(m.surface, to="latn", n=1))
                                for m in mentions if m.qid is None}
    return render_template("index.html", **ctx), status


@bp.get("/lookup")
def lookup():
    linker = get_linker()
    ctx = {"q": request.args.get("q", ""), "k": 10, "candidates": None, "error": None,
           "examples": LOOKUP_EXAMPLES, "max_k": current_app.config["MAX_K"]}
    status = 200
    if ctx["q"].strip():
        try:
            ctx["k"] = params.count(request.args, "k", 10, "MAX_K")
            ctx["candidates"] = linker.lookup(params.query(request.args), k=ctx["k"])
        except HTTPException as e:
            ctx["error"], status = e.description, e.code
    return render_template("lookup.html", **ctx), status


@bp.get("/translit")
def translit():
    linker = get_linker()
    ctx = {"q": request.args.get("q", ""), "to": request.args.get("to", "latn"), "n": 5, "results": None,
           "error": None, "examples": TRANSLIT_EXAMPLES, "max_n": current_app.config["MAX_N"]}
    status = 200
    if ctx["q"].strip():
        try:
            ctx["to"] = params.direction(request.args)
            ctx["n"] = params.count(request.args, "n", 5, "MAX_N")
            ctx["results"] = linker.transliterate(params.query(request.args), to=ctx["to"], n=ctx["n"])
        except HTTPException as e:
            ctx["error"], status = e.description, e.code
    return render_template("translit.html", **ctx), status


def _first(spellings: list[str]) -> str:
    return spellings[0] if spellings else ""
