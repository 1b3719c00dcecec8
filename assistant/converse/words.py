"""The function words a follow-up is recognised by, in Indonesian and English (closed classes only:
pronouns, demonstratives, question words, auxiliaries, prepositions; never a document's vocabulary)."""
from __future__ import annotations

import re

from ..search.query import ORDINALS_EN, ORDINALS_ID

# A pronoun for a person ("she", "beliau") has a name for antecedent; the others any noun phrase.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "beliau", "dia", "ia"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves",
                                        "mereka", "keduanya"})
DEMONSTRATIVES_EN = frozenset({"this", "that", "these", "those"})
DEMONSTRATIVES_ID = frozenset({"itu", "ini", "tersebut", "tsb"})

QUESTION_WORDS = frozenset({
    "apa", "apakah", "siapa", "siapakah", "kapan", "kapankah", "bagaimana", "bagaimanakah", "mengapa", "kenapa",
    "berapa", "berapakah", "seberapa", "mana", "manakah", "dimana", "adakah", "bisakah", "dapatkah",
    "what", "which", "who", "whom", "whose", "when", "where", "why", "how"})
AUXILIARIES = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "could", "will",
    "would", "should", "shall", "may", "might", "must", "saja", "yang", "sih", "kah"})
PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "after", "before", "during", "under", "into",
    "through", "against", "between", "among", "within", "without", "than", "like", "over", "regarding",
    "di", "ke", "dari", "pada", "dalam", "untuk", "bagi", "tentang", "mengenai", "terhadap", "dengan", "oleh",
    "setelah", "sesudah", "sebelum", "selain", "karena", "sejak", "hingga", "sampai", "atas", "antara", "tanpa",
    "seperti", "kepada", "selama", "akibat"})
CONJUNCTIONS = frozenset({"and", "or", "but", "then", "so", "dan", "atau", "tetapi", "namun", "lalu", "serta",
                          "kemudian", "terus"})
# Words that start a clause after "that" (so "that" is a conjunction there, not "that thing").
CLAUSE_STARTS = frozenset({"the", "a", "an", "i", "we", "you", "it", "they", "he", "she", "there", "this", "these",
                           "those", "its", "their", "his", "her", "our", "my", "your", "some", "all", "no", "not",
                           "who", "which", "what"}) | AUXILIARIES
DETERMINER_LEFT = PREPOSITIONS | CONJUNCTIONS | QUESTION_WORDS | AUXILIARIES | frozenset({"according"})

# "this thesis", "penelitian ini": the document itself, not an earlier turn.
DOCUMENT_NOUNS = frozenset({
    "thesis", "research", "study", "paper", "article", "document", "book", "chapter", "report", "dissertation",
    "text", "section", "skripsi", "tesis", "penelitian", "studi", "kajian", "tulisan", "dokumen", "buku", "artikel",
    "makalah", "laporan", "bab", "disertasi", "riset", "naskah"})
# "this year", "hari ini": now, not an earlier turn.
TIME_NOUNS = frozenset({"year", "month", "week", "day", "time", "moment", "century", "era", "decade", "morning",
                        "hari", "saat", "kini", "masa", "waktu", "tahun", "bulan", "minggu", "pekan", "abad",
                        "zaman", "jaman", "dewasa", "sekarang"})
# Nouns that name an author or a cited work ("that author", "penulis tersebut", "the first study").
WORK_NOUNS = frozenset({"author", "authors", "writer", "study", "studies", "paper", "article", "work", "source",
                        "researcher", "researchers", "scholar", "book", "report", "penulis", "pengarang", "peneliti",
                        "studi", "penelitian", "artikel", "karya", "sumber", "buku", "laporan", "kajian", "tulisan",
                        "ahli", "pakar"})
PERSON_NOUNS = frozenset({"person", "people", "man", "woman", "official", "minister", "expert", "orang", "tokoh",
                          "pejabat", "menteri", "sosok", "beliau"})
# "they/mereka" stand for people: the nouns of groups of people a turn may have named ("the victims", "warga …")
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "mereka"})
GROUP_NOUNS = frozenset({"people", "persons", "men", "women", "children", "victims", "workers", "employees", "staff",
                         "officials", "citizens", "residents", "migrants", "refugees", "students", "patients",
                         "farmers", "respondents", "participants", "members", "researchers", "authors", "perpetrators",
                         "orang", "korban", "pekerja", "buruh", "karyawan", "pegawai", "staf", "pejabat", "warga",
                         "penduduk", "masyarakat", "migran", "pengungsi", "mahasiswa", "siswa", "pasien", "petani",
                         "responden", "peserta", "anggota", "peneliti", "penulis", "pelaku", "perempuan", "wanita",
                         "anak-anak"})
GENERIC_NOUNS = frozenset({"hal", "thing", "things", "matter", "one", "ones"})
# Words that may join the capitalised words of one name ("Convention Against Trafficking in Persons",
# "International Organization for Migration").
NAME_JOINS = frozenset({"of", "in", "on", "for", "against", "and", "the", "dan", "untuk", "tentang", "di", "&"})
# Words a chat message opens or pads with, which ask nothing ("Oh oke, terus …", "yang satunya lagi").
FILLERS = frozenset({"oke", "ok", "okay", "oh", "ya", "yah", "nah", "sip", "wah", "hmm", "hm", "eh", "alright", "lagi",
                     "satunya", "sisanya", "dong", "deh", "nih", "sih", "tuh", "lho", "kan"})

# "-nya" words that are adverbs or roots, not "its/their" ("hanya", "biasanya", "sebelumnya").
NYA_WORDS = frozenset({"hanya", "punya", "tanya", "bertanya", "ditanya", "menanya", "biasanya", "misalnya",
                       "umumnya", "khususnya", "akhirnya", "tentunya", "rupanya", "agaknya", "tampaknya", "nampaknya",
                       "kiranya", "hendaknya", "adanya", "utamanya", "terutamanya", "lainnya", "berikutnya"})
# … and how exactly, in short, at first ("bagian mana persisnya dari undang-undang itu …"), unless the question
# says nothing else ("Apa intinya?", "Kapan tepatnya?": the essence, the date of what was said before)
NYA_MANNER = frozenset({"persisnya", "tepatnya", "pastinya", "jelasnya", "intinya", "singkatnya", "lengkapnya",
                        "rincinya", "detailnya", "awalnya", "aslinya", "katanya", "kayaknya", "harusnya", "mestinya"})
NYA_ADVERB = re.compile(r"^se\w{3,}nya$")  # sebaiknya, sebelumnya, setidaknya, sebagainya, seharusnya

# What a follow-up starts with when it leaves out what it repeats: "Dan pada tahun 2023?", "And with Thailand?".
ELLIPSIS_OPENER = re.compile(
    r"^\W*(?:(?:and|dan|lalu|terus|kemudian|then|also|juga|serta|or|atau)\s+)?"
    r"(?:(?:what|how)\s+about|bagaimana\s+(?:dengan|kalau|jika|untuk)|kalau|jika|apa\s+kabar(?:nya)?\s+(?:dengan)?"
    r"|(?:and|dan|lalu|terus|then|also|juga|serta|or|atau)\b)\s*", re.I)
# What sends a follow-up back to an earlier turn: "Back to the first study:", "Kembali ke pertanyaan pertama,",
# "the first person I asked about", "yang saya tanyakan tadi".
BACK = re.compile(
    r"\b(?:(?:going|go|coming|come|getting|get)\s+)?back\s+to\b|\breturning\s+to\b|\b(?:kembali|balik)\s+(?:ke|lagi\s+ke)\b"
    r"|\b(?:I|we|you)\s+(?:just\s+)?(?:asked|mentioned|talked|said|spoke|wrote)\b"
    r"|\b(?:mentioned|discussed|asked)\s+(?:earlier|before|above|previously)\b|\bthe\s+(?:previous|last|earlier|"
    r"former|latter)\s+(?:one|question|answer|topic|person|study|author|source|work|paper|article)\b"
    r"|\bthe\s+(?:first|second|third)\s+(?:one|question|answer|topic)\b"
    r"|\b(?:saya|aku|kita|kami|anda|kamu)\s+(?:tanyakan|sebut(?:kan)?|bahas|singgung)\s+(?:tadi|sebelumnya|pertama|di\s+awal)\b"
    r"|\b(?:yang\s+)?(?:di)?(?:sebut(?:kan)?|bahas|tanyakan)\s+(?:tadi|sebelumnya|di\s+atas)\b"
    r"|\b(?:pertanyaan|topik|jawaban)\s+(?:pertama|kedua|ketiga|sebelumnya|tadi|terakhir)\b"
    r"|\b(?:yang\s+)?(?:pertama|kedua|ketiga|terakhir)\s+tadi\b", re.I)  # "di penelitian yang pertama tadi"
# What asks past what the turn before was answered with: "siapa lagi?", "faktor berikutnya?", "what else?",
# "what did they actually get?", "dua hari setelah itu …", "di akhir pertemuan itu": its answer is not the
# sentence that answered that turn.
BEYOND = re.compile(
    r"\b(?:siapa|apa|mana|kapan|berapa|satunya|yang|hal|faktor)\s+lagi\b(?=\s*(?:$|[?.!,]|yang\b|apa\b|ya\b|dong\b))"
    r"|\b(?:lainnya|berikutnya|selanjutnya|kenyataannya)\b|\byang\s+lain\b|\b(?:selain|setelah|sesudah)\s+itu\b|\b\w+\s+kemudian\b"
    r"|\b(?:what|who|where|when|which|anything|anyone|something)\s+else\b|\b(?:the\s+)?(?:other|another|next)\b(?!\s+to\b)"
    r"|\bafter\s+that\b|\bafterwards\b|\bactually\b|\b(?:in|at)\s+the\s+end\b|\b(?:di|pada)\s+akhir\b|\bthe\s+rest\b", re.I)
# … by a word of contrast alone ("How many of them actually reported …?", "kenyataannya"): what was so, which
# the sentence that answered the turn may say too ("… 73.724 WNI …, namun hanya 17.121 WNI yang aktif lapor diri")
CONTRAST = re.compile(r"\bactually\b|\bkenyataannya\b", re.I)
NOT_BEYOND = re.compile(r"\beach\s+other\b|\bone\s+another\b|\bin\s+other\s+words\b|\bon\s+the\s+other\s+hand\b", re.I)
ORDINALS = {"first": 0, "pertama": 0, "awal": 0, "earliest": 0, "former": 0, "second": 1, "kedua": 1,
            "third": 2, "ketiga": 2}
# Ordinal words: they order what a turn lists ("Yang ketiga?"), and a text's list seldom says them.
ENGLISH_ORDINALS = ORDINALS_EN + ("last",)
ORDINAL_WORDS = ORDINALS_ID + ("terakhir",) + ENGLISH_ORDINALS
# a follow-up that is an ordinal alone: "Yang ketiga?", "Dan yang kedua apa?", "And the third one?"
ORDINAL_ONLY = re.compile(rf"^\W*(?:(?:and|dan|lalu|terus|then|kalau|how about|what about)\s+)?(?:the\s+|yang\s+)?"
                          rf"({'|'.join(ORDINAL_WORDS)})(?:\s+(?:one|item|point|poin|nya))?(?:\s+(?:apa|what|is it|ya))?"
                          rf"\W*$", re.I)
RECENT = frozenset({"previous", "last", "latter", "earlier", "sebelumnya", "tadi", "terakhir", "barusan"})
# Every function word the rules know, and a few more that never carry a question's meaning.
CLOSED = (PRONOUNS | DEMONSTRATIVES_EN | DEMONSTRATIVES_ID | QUESTION_WORDS | AUXILIARIES | PREPOSITIONS | CONJUNCTIONS
          | frozenset({"the", "a", "an", "not", "no", "very", "also", "only", "just", "even", "all", "some", "any", "each",
                       "every", "such", "more", "most", "much", "many", "few", "other", "another", "same", "own", "there",
                       "here", "than", "too", "as", "if", "whether", "i", "you", "we", "me", "us", "my", "your", "our",
                       "tidak", "bukan", "sangat", "juga", "hanya", "lebih", "paling", "semua", "setiap", "beberapa",
                       "banyak", "sudah", "telah", "akan", "sedang", "masih", "belum", "ada", "adalah", "ialah", "saya",
                       "kami", "kita", "anda", "kamu", "para", "sang", "si", "se"}))

# Words of sequence: "setelah itu", "two days after that" point at the event told before.
SEQUENCE = frozenset({"after", "before", "besides", "setelah", "sesudah", "sebelum", "selain"})
# A day and month ("4 Agustus", "2 August", "August 4"), which an elliptical "Kalau yang tanggal 4 Agustus?" swaps.
_MONTH = (r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|january"
          r"|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|agu|agt|sept?|okt|oct"
          r"|nov|nop|des|dec)\.?")
DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)",
                       re.I)
# How a question addresses or names a person: "Bu Retno", "Pak Menteri", "Kak, …", "Mr Smith"; not what it asks.
HONORIFICS = frozenset({"bu", "ibu", "pak", "bapak", "kak", "kakak", "mas", "mbak", "bang", "dik", "mr", "mrs", "ms",
                        "sir", "madam"})
# Words that ask how the answer is put, not what it is about ("namanya apa", "bunyinya persisnya", "yg nomor
# dua", "what is it called", "the exact wording", "definisinya"): a passage that answers a follow-up need not
# hold them (support.py). (Left out of the coverage of a whole question too, they let a near miss through: "Siapa
# nama Duta Besar …?" was refused for the words the passages lack, "nama" among them.)
ASKING = frozenset({"nama", "namanya", "name", "named", "called", "bunyi", "bunyinya", "wording", "persis",
                    "persisnya", "exact", "exactly", "tepat", "tepatnya", "precise", "precisely", "definisi",
                    "definisinya", "definition", "define", "defined", "arti", "artinya", "meaning", "maksud",
                    "maksudnya", "sebenarnya", "actually", "really", "nomor", "alias",
                    # what to do with the answer: "sebutkan apa saja butirnya", "list the points", "explain"
                    "sebutkan", "jelaskan", "uraikan", "tolong", "list", "explain", "describe", "tell", "butir",
                    "butirnya", "poin", "poinnya", "points",
                    # the language asked for the answer: "can you answer in English pls", "jawab pakai bahasa Inggris"
                    "english", "inggris", "bahasa", "answer", "jawab", "pls", "please"})
# A question that says it leaves the conversation ("Different question: …", "Ganti topik ya.", "switching topics —",
# "On a different note, …") leans on nothing; not "Pertanyaan lain: kapan UU itu …", "Different question about
# that law: …", "Ganti topik, tapi masih soal UU itu".
NEW_TOPIC = re.compile(r"^\W*(?:(?:ok(?:ay)?|oke|oh|btw|by\s+the\s+way|sekarang|now)\W+)*(?:ya\W+)?"
                       r"(?:(?:a\s+)?(?:different|new|unrelated)\s+(?:question|topic)|switching\s+(?:topics?|gears)|"
                       r"change\s+of\s+topic|on\s+(?:another|a\s+different)\s+note|(?:ganti|beda|pindah)\s+topik|"
                       r"topik\s+lain)(?:\s+(?:ya|dong|deh|nih|dulu))?\s*(?:[:.,;!—–-]|$)(?!\s*(?:tapi|but|masih|still)\b)",
                       re.I)
