"""Hand-written Urdu word lists the linker reasons with: function words, common words, type cues.

All words are written in normalised form (Urdu ک ی ہ, no aerab), as :func:`linker.normalize.normalize` yields them.
The lists are small on purpose: they decide *where a name cannot be* and *what kind of name a neighbour
announces*, not what is a name.
"""
from __future__ import annotations

from .keys import GENERIC_UR

#: Urdu is Pakistan's national language: an Arabic-script name of a Pakistani place is its Urdu name, whatever
#: language the source filed it under (ملتان and سندھ come as English aliases), not a Persian or Arabic spelling.
URDU_COUNTRY = "PK"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Postpositions and particles that Urdu writers glue onto the previous word (ماسکواور = ماسکو + اور).
#: A token may be split into NAME + one of these; longest first so کیلئے wins over کے.
GLUED_SUFFIXES: tuple[str, ...] = tuple(sorted(_words("""
    اور کا کی کے نے کو سے میں پر تک بھی ہی والا والی والے کیلئے کیلیے کےلیے کےلئے
    کیخلاف کےخلاف کےساتھ کےبعد کےمطابق کےقریب کےدوران
"""), key=lambda w: (-len(w), w)))

#: Postpositions written glued *before* a word (کیخلاف, کےصدر): a token may be split into one of these + NAME.
GLUED_PREFIXES: tuple[str, ...] = tuple(sorted(_words("کی کے کا سے"), key=lambda w: (-len(w), w)))

#: Closed-class words: postpositions, conjunctions, pronouns, auxiliaries, quantifiers. A name never starts or
#: ends with one of these, and one of these alone is never a name (اور is also the French département Eure).
FUNCTION_WORDS: frozenset[str] = _words("""
    اور کا کی کے نے کو سے میں پر تک بھی ہی تو یہ وہ یہی وہی ان اس انہیں اسے انہوں انھوں جنہوں جنھوں
    و جو جس جن جسے جنہیں کہ کیا کیوں کیسے کب کہاں کون کونسا کونسی ہے ہیں تھا تھی تھیں تھے ہو ہوں ہوا ہوئی ہوئے
    ہونے ہوگا ہوگی ہوں گے گا گی گے نہیں نہ مت یا لیکن مگر بلکہ اگر چونکہ کیونکہ جبکہ تاہم نیز البتہ پھر
    لیے لئے کیلئے ساتھ بعد پہلے والا والی والے جب تب اب یہاں وہاں کر کرکے کرنے کرتے کرتی کرتا کیے کئے کی
    گیا گئی گئے رہا رہی رہے سکتا سکتی سکتے چاہیے ایک دو تین چار پانچ کچھ سب ہر کوئی کسی کس اپنے اپنی اپنا
    آف دی اینڈ ہم آپ تم میرا میری میرے ہمارا ہماری ہمارے ان کا انکے اسکے اسکی انکی خلاف طرف جانب دوران مطابق بارے
    حوالے علاوہ درمیان بجائے ذریعے ذریعہ تحت پاس قریب بغیر سمیت باوجود بابت سے متعلق لہذا لہٰذا یعنی فی
    بہت جیسے جیسا جیسی ایسے ایسا ایسی اتنا اتنی اتنے جتنا کہا کہنا کہتے کہتی دیا دی دیے دیئے
    لیا لیے جا جاتا جاتی جاتے جائے جائیں جانے آیا آئی آئے آئیں چکا چکی چکے رکھا ہوتا ہوتی ہوتے جی ہاں
    of and or to in on at for by with from as is are was were be this that it its his her their
    not no but if so than then into over under about after before
""")

#: Frequent Urdu content words that equal (or key-match) some rare gazetteer name: on their own they link
#: only to very prominent entities with a supporting context (صدر "president" vs Saddar; چین "China"/"peace").
#: Curated from the words that linked wrongly on real prose (../shared/data/eval/text) during development.
COMMON_WORDS: frozenset[str] = _words("""
    صدر وزیر اعظم وزیراعظم جنرل حکومت ملک شہر صوبہ صوبے ضلع دریا علاقہ علاقے عوام لوگ لوگوں دنیا سال
    سالوں دن روز رات وقت بات باتیں کام نام پانی زمین آسمان سمندر پہاڑ راستہ سڑک گھر گاؤں بازار مسجد
    قومی عالمی ملکی سرکاری فوج فوجی پولیس عدالت قانون قوم امن جنگ فتح شکست میچ ٹیم کھیل کپتان
    نئی نیا نئے پرانا بڑا بڑی بڑے چھوٹا چھوٹی اچھا اچھی برا اعلی اعلیٰ خاص عام اہم پہلا پہلی دوسرا دوسری
    تیسرا آخری مکمل شروع ختم جاری حاصل پیش اجلاس اعلان فیصلہ فیصلے مسئلہ مسائل ترقی معاشی معیشت
    تعلیم صحت طلبہ اسکول کالج بچے بچوں خواتین مرد عورت بیٹا بیٹی باپ ماں بھائی بہن دوست
    خبر رپورٹ بیان ذرائع تفصیلات مطابق تاریخ حال مستقبل ماضی آج کل صبح دوپہر ہفتہ مہینہ
    شاہ شیر گل لال سبز سفید کالا نیلا پیلا سونا چاندی ہیرا موتی چاند سورج ستارہ نور امید
    خان ملک چودھری چوہدری سید شیخ میاں راجہ مرزا حاجی مولانا علامہ پیر صاحب بیگم بی بی
    کم زیادہ لی بھر پار سر دل جان آن بن سن ہند دور مال راج نگر پور آباد گڑھ کوٹ گنج
    پاک صاف دین ایمان حق سچ جھوٹ محبت رحمت برکت فضل کرم
    جاری جنگی پوری سو کئی افراد موقع کمی ادا شادی کوشش تیل فون سیاسی کتاب ثابت زمین پوری امام ظاہر اسلام علم محفوظ
    کمیٹی خون نامی موت مین اعزاز ٹیلی مرکزی ہائی شو زمانہ موسم آزاد تازہ گرین تجربہ نوبل میل
    تحصیل ایوان تصور ساری حدیث سنگ اپیل حیران بیرونی شراب بیشتر گرم وار پانے سرطان جار شان رویہ
    قوت بیٹا بیک موضوع جنوب لائے نیو نامور اتار ہٹ خلیفہ بم جم کان جوہر آلات یوم بچہ انحصار جوان
    سنا شمال اسلحہ عبادت تخت ڈالی پری ضمانت بیل مرحلہ چائے ڈان مانا جنگل درخت ساحل ویئر آنا خوف
    قلعہ سبھا اگلی مون جنگلی سرور بخش منزل ڈاؤن گار نازل مزاحمت مرحوم ریڈ گیت چال جرمانہ حاملہ بازو
    گویا عین دروازہ گایا نیم ڈیٹ کمر وان شاگرد وحدت محلہ میلہ سین پیرا سعادت زاویہ سوم سرے ٹینک
    لقب پاپ فین طبقہ مٹھی پیشوا نان مرتکب غازی تمنا حکم باہم سایہ قمری حریت مائی یوان وال نمک مارنے
    رنگ لکھنا نوا بعید خطیب دیوتا توحید براڈ حرب خاکی پیلی سودا خونی مسلمان پرل بلد گود دری محفل
    مشرقی مغربی شمالی جنوبی وسطی سیمی فائنل امان بیرون سنگین دیر مالی بانی بین الاقوامی شمال مشرق مغرب جنوب تعلیم الو مشعل بور خوب بہار پال ڈین ہون کولا چارلی بیسٹ انکا مانگا اعلان میڈ
    سلیم اسلم امین منصور جلیل رفیق صالح مظہر زبیر عابد جاوید رشید شہباز عمران حسین یونس سلیمان جمال
    مصطفی نرگس مینا لارا سیدہ بشریٰ نور مبارک عزیز مشرف بینظیر شہریار جہانگیر رستم
    اردو انگریزی انگلش عربی فارسی ہندی پنجابی سندھی پشتو بلوچی کشمیری جاپانی فرانسیسی جرمن روسی
    ایرانی افریقی یونانی ہسپانوی لاطینی عبرانی سنسکرت ترک البانی تھائی ڈچ تمل مراٹھی گجراتی
    نیپالی کینیڈین فرنچ قبائلی
    ہوائی باری گردہ میجر گوری کورے میڈیسن یورو خلیج بدر
""")

#: Titles and offices written before a person's name (صدر اوباما، جنرل راحیل شریف). After a name with a genitive
#: postposition they announce the opposite: روس کے صدر (Russia's president) makes روس a place or organisation.
PERSON_TITLES: frozenset[str] = _words("""
    صدر وزیراعظم وزیر جنرل کرنل میجر بریگیڈیئر کیپٹن ایڈمرل مارشل مسٹر مسز ڈاکٹر پروفیسر شہزادہ شہزادی
    بادشاہ ملکہ چیئرمین سربراہ رہنما لیڈر سینیٹر رکن گورنر وزیراعلی وزیراعلیٰ جسٹس ترجمان سیکرٹری سیکریٹری
    سفیر نائب مرحوم جناب محترم محترمہ بیگم کھلاڑی اداکار اداکارہ گلوکار مصنف شاعر کوچ کپتان چانسلر اسپیکر
    امیدوار قائد امیر مولانا علامہ آیت اللہ شیخ سلطان ولی عہد
""")

#: Honorifics written after a person's name (عمران خان صاحب).
PERSON_HONORIFICS: frozenset[str] = _words("صاحب صاحبہ جی")

#: Generic place words next to a place name (شہر ماسکو، ماسکو شہر، صوبہ پنجاب، دریائے سندھ) and words of
#: travel and location that follow one (ماسکو روانہ، لاہور پہنچے).
PLACE_WORDS: frozenset[str] = _words("""
    شہر شہروں صوبہ صوبے صوبائی ضلع ضلعے اضلاع دریا دریائے جزیرہ جزیرے ملک ممالک گاؤں علاقہ علاقے
    دارالحکومت ریاست ریاستوں سرحد سرحدی پہاڑ پہاڑی جھیل سمندر خلیج وادی قصبہ قصبے تحصیل کاؤنٹی بندرگاہ
    روانہ پہنچے پہنچ پہنچا پہنچی مقیم واقع
""")

#: Organisation words next to an organisation's name (تحریک انصاف پارٹی، ایجنسی رائٹرز).
ORG_WORDS: frozenset[str] = _words("""
    پارٹی جماعت ایجنسی تنظیم کمپنی بینک ادارہ ادارے کمیشن کونسل یونیورسٹی اخبار چینل لیگ کلب وزارت
    محکمہ فاؤنڈیشن کارپوریشن گروپ اتحاد نیوز اسمبلی پارلیمان پارلیمنٹ کمیٹی فورس ایئرلائن ایئرلائنز
    فنڈ بورڈ اتھارٹی
""")

#: Generic words of place names, translated (جزیرہ) or transliterated (آئلینڈ), that one spelling of a name
#: has and another lacks (اسینشن آئلینڈ / جزیرہ اسینشن): word matching gives them little weight.
GENERIC_WORDS: frozenset[str] = frozenset(GENERIC_UR) | _words("""
    آئلینڈ آئلینڈز جزائر سٹی سیٹی ٹاؤن کاؤنٹی ریور ماؤنٹ ماؤنٹین لیک بے پورٹ ڈسٹرکٹ پراونس سٹیٹ ریاستی
    کینٹن پارش بورو میٹروپولیٹن مملکت
""")

#: Names that are also a time of day (شام: Syria / evening), and the words that make them the time:
#: شام کو، شام سات بجے، آج شام، جمعہ کی شام.
TIME_OF_DAY: frozenset[str] = _words("شام")
TIME_BEFORE: frozenset[str] = _words("آج کل گزشتہ ہر اسی روزانہ اتوار پیر منگل بدھ جمعرات جمعہ ہفتہ کی")
TIME_AFTER: frozenset[str] = _words("کو بجے ساڑھے پانچ چھ سات آٹھ")

#: Genitive postpositions: "X کے صدر" is "X's president".
GENITIVES: frozenset[str] = _words("کا کی کے")


#: English letters as Urdu writes them when spelling an initialism (ڈی پی آر کے = DPRK, بی بی سی = BBC).
#: Several spellings per letter occur in news; کے (K) is also the postposition, so a run is only read as an
#: initialism when the gazetteer knows the letters.
LETTER_NAMES: dict[str, str] = {
    "اے": "A", "ای": "E", "بی": "B", "سی": "C", "ڈی": "D", "ایف": "F", "جی": "G", "ایچ": "H",
    "آئی": "I", "جے": "J", "کے": "K", "ایل": "L", "ایم": "M", "این": "N", "او": "O", "پی": "P",
    "کیو": "Q", "آر": "R", "ایس": "S", "ٹی": "T", "یو": "U", "وی": "V", "ڈبلیو": "W", "ڈبلییو": "W",
    "ایکس": "X", "وائی": "Y", "زیڈ": "Z", "زیڈی": "Z",
}

#: Honorifics and family titles written inside people's names, present or absent from one writing to the next
#: (میاں محمد نواز شریف، چوہدری نثار، خواجہ آصف): matching gives them little weight.
NAME_TITLES: frozenset[str] = _words("""
    میاں سید شیخ چوہدری چودھری خواجہ مخدوم سردار پیر حاجی الحاج ملک راجہ نواب مرزا مولانا مولوی علامہ
    ڈاکٹر جنرل کیپٹن کرنل میجر بیگم محترمہ مسٹر مسز جناب صاحب صاحبہ سینیٹر ر
""")

#: Name parts shared by very many people (محمد، خان): a match on one of them alone means little.
COMMON_NAME_PARTS: frozenset[str] = _words("""
    محمد احمد علی خان حسین حسن شاہ الدین عبد عبدال اللہ الرحمن الرحمان بی بی اختر اقبال اسلم اکرم
    اعظم رحمان رحمن ریاض سلیم شریف عباس عمر فاروق قریشی گل مسعود نور یوسف
""")

#: Words that continue the word before them into a longer name written in two words (بالی وڈ Bollywood, ہالی ووڈ
#: Hollywood, لالی وڈ Lollywood: English "-wood"): the first word alone is not that name (بالی is also Bali).
NAME_CONTINUATIONS: frozenset[str] = _words("وڈ ووڈ")

#: Initialisms of common nouns, spelled letter by letter in Urdu news (اے ٹی ایم, جی ڈی پی, ایف آئی آر): never the
#: entity whose code or alias they happen to equal (ATM is a district code of Achham, GdP a German union).
COMMON_INITIALISMS: frozenset[str] = frozenset("""
    ATM GDP GNP CEO SMS DNA TV VIP FIR NGO IT PR HIV AIDS SIM GPS MBA PHD MBBS LLB CNIC NIC CD DVD PC AC DC FM
    AD BC MP MNA MPA SHO DSP DIG SSP IG DPO DCO SP ASI CM PM OK
""".split())

#: Western given names frequent in Urdu news (جارج بیلی، ڈیوڈ وارنر): alone, such a word is the first half of a
#: name the gazetteer may not know, not the town called George. (Muslim given names are in COMMON_NAME_PARTS,
#: which does not block single words: ریاض is also Riyadh.)
GIVEN_NAMES: frozenset[str] = _words("""
    جارج ڈیوڈ جیک مائیکل جیمز جیمس پیٹر جان جونی رابرٹ ولیم ولیئم رچرڈ تھامس چارلس پال مارک سٹیون اسٹیون
    سٹیو اسٹیو اینڈریو اینڈریوز کرس کرسٹوفر ڈینیئل ڈینیل میتھیو برائن کیون جوزف ایڈورڈ ہنری فرینک ٹام ٹونی
    سائمن شین بین بریڈ گلین مچل ایرن ایرون فلپ فلیپ ڈیل ایلن کیتھرین میری الزبتھ سارہ جینیفر
""")

#: Urdu words of translated organisation names and their English counterparts (اقوام متحدہ = United Nations,
#: عالمی ادارہ صحت = World Health Organization): a name made only of these words is also looked up by its English
#: words, in any order. Several English words where Urdu uses one for several (عالمی: world / international).
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "اقوام": ("nations",), "متحدہ": ("united",), "عالمی": ("world", "international", "global"),
    "بین_الاقوامی": ("international",), "ادارہ": ("organization", "organisation", "agency", "office", "institute"),
    "ادارے": ("organization", "organisation", "agency", "office"), "تنظیم": ("organization", "organisation"),
    "صحت": ("health",), "بینک": ("bank",), "مالیاتی": ("monetary", "financial"), "فنڈ": ("fund",),
    "سلامتی": ("security",), "کونسل": ("council",), "اسمبلی": ("assembly",), "عدالت": ("court",),
    "فوجداری": ("criminal",), "انصاف": ("justice",), "تجارت": ("trade",), "تجارتی": ("trade",),
    "خوراک": ("food",), "زراعت": ("agriculture",), "ترقی": ("development", "progress"),
    "ترقیاتی": ("development",), "پروگرام": ("programme", "program"), "ماحولیات": ("environment",),
    "مہاجرین": ("refugees",), "بچوں": ("children",), "جوہری": ("atomic", "nuclear"), "توانائی": ("energy",),
    "ایجنسی": ("agency",), "محنت": ("labour", "labor"), "مزدور": ("workers", "labour"), "اسلامی": ("islamic",),
    "تعاون": ("cooperation", "co"), "کانفرنس": ("conference",), "عرب": ("arab",), "لیگ": ("league",),
    "افریقی": ("african",), "ایشیائی": ("asian",), "یورپی": ("european",), "یونین": ("union",),
    "مرکزی": ("central",), "قومی": ("national",), "پارٹی": ("party",), "جماعت": ("party",),
    "کمیونسٹ": ("communist",), "انسانی": ("human",), "حقوق": ("rights",), "کمیشن": ("commission",),
    "وزارت": ("ministry",), "خارجہ": ("foreign",), "دفاع": ("defence", "defense"), "خلائی": ("space",),
    "وفاقی": ("federal",), "خلیج": ("gulf",), "اتحاد": ("alliance", "union"), "معاہدہ": ("treaty",),
    "شمالی": ("north",), "جنوبی": ("south",), "چینی": ("china", "chinese"), "جمہوری": ("democratic",),
    "عوامی": ("people", "peoples", "popular"), "آزادی": ("freedom", "liberty"), "تحریک": ("movement",),
}
#: Words a translated name may contain that have no English word of their own (اقوام متحدہ کی سلامتی کونسل).
TRANSLATION_GLUE: frozenset[str] = _words("کی کا کے برائے و اور")
