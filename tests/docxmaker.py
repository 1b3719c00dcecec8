"""Word documents for tests: a DOCX whose paragraphs carry footnotes (python-docx writes none)."""
from pathlib import Path
import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_footnotes(path: Path, paragraphs: list[tuple[str, list[str]]]) -> Path:
    """A DOCX whose paragraphs each end with footnote references to notes of the given texts."""
    d = docx.Document()
    notes = []
    for text, texts in paragraphs:
        p = d.add_paragraph(text)
        for note in texts:
            notes.append(note)
            r = p.add_run()
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), str(len(notes) + 1))  # ids 0 and 1 are Word's separators
            r._r.append(ref)
    body = "".join(f'<w:footnote w:id="{i + 2}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>'
                   for i, t in enumerate(notes))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
           f'<w:footnote w:type="separator" w:id="0"><w:p/></w:footnote>{body}</w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", xml, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    d.save(str(path))
    return path
