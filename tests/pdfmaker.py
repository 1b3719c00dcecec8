"""Real PDFs for the tests, drawn line by line with fpdf2 (Courier, so line widths are exact)."""
from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[list[str]], header: str | None = None, numbers: bool = True,
             labels_start: int | None = None, heading_size: int = 16, title: str | None = None) -> Path:
    """Each page is a list of lines; "" starts a new paragraph (a taller gap); a line starting
    with "# " is a heading in a bigger font. Optional running header and page-number footer;
    `labels_start` prints page numbers from that value (and sets matching PDF page labels)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    for n, lines in enumerate(pages):
        pdf.add_page()
        if labels_start is not None and n == 0:
            pdf.set_page_label(label_style="D", label_start=labels_start)
        if header:
            pdf.set_font("Courier", size=9)
            pdf.text(60, 40, header)
        y = 90.0
        for line in lines:
            if line == "":
                y += 8
                continue
            if line.startswith("# "):
                y += 10
                pdf.set_font("Courier", "B", size=heading_size)
                pdf.text(60, y, line[2:])
                y += heading_size + 8
                continue
            pdf.set_font("Courier", size=11)
            pdf.text(60, y, line)
            y += 14
        if numbers:
            pdf.set_font("Courier", size=9)
            pdf.text(290, 800, str(n + (labels_start or 1)))
    pdf.output(str(path))
    return Path(path)


def image_only_pdf(path: Path, text: str = "Halaman hasil pindaian") -> Path:
    """A 'scanned' page: one picture (of `text`, in PIL's small default font), no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).text((20, 80), text, fill="black")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=180)
    pdf.output(str(path))
    return Path(path)


def encrypt_pdf(src: Path, dst: Path, password: str = "rahasia") -> Path:
    """A copy of `src` that needs a user password to open (pypdf, RC4-128)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    with open(dst, "wb") as fh:
        writer.write(fh)
    return Path(dst)


ARTICLE = [
    [
        "# Pendahuluan",
        "Kerja sama bilateral Indonesia dan Kamboja mendorong pertum-",
        "buhan kapasitas aparat penegak hukum di kedua negara yang",
        "sangat berbeda-",
        "beda dalam sistem hukumnya dan juga dalam tata kelola migrasi.",
        "",
        "Paragraf kedua membahas perlindungan korban perdagangan orang",
        "yang direkrut melalui iklan lowongan kerja palsu di media sosial.",
    ],
    [
        "Kementerian Luar Negeri memulangkan para korban dari Phnom Penh",
        "setelah penggerebekan oleh kepolisian Kamboja pada tahun 2022,",
        "dan kerja sama Indonesia-",
        "Kamboja kemudian diperkuat dengan nota kesepahaman baru.",
        "",
        "# Kesimpulan",
        "Koordinasi antarlembaga menjadi kunci keberhasilan penanganan.",
    ],
]


def manual_pdf(path: Path, n_pages: int = 120, fact: str = "", fact_page: int = 87, title: str | None = None) -> Path:
    """A long manual-like PDF: numbered sections of distinct filler sentences, and `fact` on `fact_page`."""
    import textwrap

    parts = ("pompa air", "katup pengaman", "sabuk penggerak", "saringan udara", "panel kendali", "kabel daya")
    pages = []
    for n in range(1, n_pages + 1):
        lines = [f"# Bagian {n}"]
        for k in range(4):
            part = parts[(n + k) % len(parts)]
            text = (f"Pada langkah {k + 1} bagian {n}, {part} unit {n * 10 + k} diperiksa setiap {k + 2} minggu "
                    f"oleh petugas regu {n % 9 + 1} dan hasilnya dicatat dalam buku log nomor {n * 31 + k}.")
            lines += textwrap.wrap(text, 68) + [""]
        if n == fact_page and fact:
            lines += textwrap.wrap(fact, 68)
        pages.append(lines)
    return make_pdf(path, pages, title=title)


def thesis_pdf(path: Path, text: str) -> Path:
    """`text` (paragraphs separated by blank lines, Markdown *italics*) typeset as a thesis: A4,
    Times 12 pt at 1.5 line spacing, short paragraphs (headings) in bold, page numbers at the foot."""
    import re

    from fpdf import FPDF

    class Thesis(FPDF):
        def footer(self):
            self.set_y(-50)
            self.set_font("Times", size=11)
            self.cell(0, 12, str(self.page_no()), align="C")

    pdf = Thesis(unit="pt", format="A4")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(True, margin=80)
    pdf.add_page()
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split()).replace("“", '"').replace("”", '"')
        if not para:
            continue
        heading = len(para) < 80 and not para.endswith((".", ",", ":"))
        pdf.set_font("Times", "B" if heading else "", size=12)
        pdf.multi_cell(0, 18, re.sub(r"\*([^*]+)\*", r"__\1__", para), markdown=True, align="L")
        pdf.ln(9)
    pdf.output(str(path))
    return Path(path)


def scanned_copy(src: Path, dst: Path, dpi: int = 200) -> Path:
    """`src` as a scan would give it: each page rendered to a greyscale picture (pypdfium2) and the
    pictures put back into a PDF with no text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    pdf.close()
    images[0].save(dst, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return Path(dst)


PAPER_NOTES = ("Lihat laporan tahunan lembaga pendamping korban", "Lihat putusan pengadilan negeri kota",
               "Lihat wawancara dengan petugas dinas tenaga kerja", "Lihat catatan rapat koordinasi gugus tugas")


def paper_pdf(path: Path, pages: int = 2, notes: tuple[str, ...] = PAPER_NOTES) -> Path:
    """A journal article's pages drawn like a word processor's: an 18 pt bold title over two lines, authors,
    an affiliation, 11 pt body text whose words carry raised 7 pt note markers ("Daerah" + "1"), and 8 pt
    numbered footnotes at each page's foot (`notes`' texts in turn, each ending ", halaman N.")."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    note = 0
    for n in range(pages):
        pdf.add_page()
        y = 90.0
        if n == 0:
            pdf.set_font("Helvetica", "B", size=18)
            for line in ("Kerja Sama Pemerintah Daerah dalam", "Pelindungan Pekerja Migran"):
                pdf.text(80, y, line)
                y += 22
            pdf.set_font("Helvetica", "B", size=11)
            pdf.text(80, y + 12, "Sari Wulandari, Budi Santoso")
            pdf.set_font("Helvetica", size=10)
            pdf.text(80, y + 28, "Fakultas Hukum, Universitas Contoh")
            y += 60
        pdf.set_font("Helvetica", size=11)
        for k in range(14):
            text = (f"Paragraf {n + 1}.{k + 1} membahas peran Pemerintah Daerah dalam pencegahan perdagangan orang "
                    "bersama desa")
            pdf.text(60, y, text)
            if k in (3, 9):
                note += 1
                x = 60 + pdf.get_string_width(text)
                pdf.set_font("Helvetica", size=7)
                pdf.text(x + 0.5, y - 4, str(note))
                pdf.set_font("Helvetica", size=11)
            y += 15
        y = 760.0
        pdf.set_font("Helvetica", size=8)
        for k in (note - 1, note):
            pdf.text(60, y, f"{k} {notes[(k - 1) % len(notes)]}, halaman {10 + k}.")
            y += 11
    pdf.output(str(path))
    return Path(path)
