#!/usr/bin/env python3
"""Fills spreadsheet cells the way a spreadsheet program saves them, without the library the
workbench writes forms with: the .xlsx parts are edited as zip entries and XML text, using only
Python's standard library.

Usage: fill_xlsx.py SPEC.json, where SPEC is {"jobs": [JOB, ...]} and a JOB is either
  {"src": "in.xlsx", "dst": "out.xlsx", "sheet": "name",
   "cells": {"D10": VALUE, ...}, "hideRows": [12], "hideCols": ["E"], "merge": ["E10:F10"],
   "addSheets": [{"name": "Ghi chú", "rows": [[...], ...]}]}
or {"dst": "new.xlsx", "sheets": [{"name": "Sheet1", "rows": [[...], ...]}]} for a new workbook.
A VALUE is a number, a string (stored as a shared string), null (cleared), or an object:
{"f": "1+1.5", "v": 2.5} a formula with its saved result, {"rich": [["text", bold], ...]}, or
{"date": "2025-05-01"} a date cell.
"""
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
SHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet'
SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n):
    s = ''
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.match(r'([A-Z]+)(\d+)$', ref)
    return m.group(1), int(m.group(2))


def text_xml(t):
    return '<t xml:space="preserve">%s</t>' % escape(t)


class Book:
    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.order = [i.filename for i in z.infolist()]
            self.parts = {name: z.read(name) for name in self.order}

    def text(self, name):
        return self.parts[name].decode('utf-8')

    def put(self, name, text):
        if name not in self.parts:
            self.order.append(name)
        self.parts[name] = text.encode('utf-8')

    def sheet_part(self, sheet_name):
        wb = self.text('xl/workbook.xml')
        for m in re.finditer(r'<sheet\b[^>]*/>', wb):
            tag = m.group(0)
            name = re.search(r'name="([^"]*)"', tag).group(1)
            name = name.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"')
            if name == sheet_name:
                rid = re.search(r'r:id="([^"]*)"', tag).group(1)
                rels = self.text('xl/_rels/workbook.xml.rels')
                rel = re.search(r'<Relationship\b[^>]*Id="%s"[^>]*/>' % re.escape(rid), rels).group(0)
                target = re.search(r'Target="([^"]*)"', rel).group(1)
                return target.lstrip('/') if target.startswith('/') else 'xl/' + target
        raise SystemExit('no sheet named %r' % sheet_name)

    def shared_string(self, si_inner):
        name = 'xl/sharedStrings.xml'
        if name not in self.parts:
            return None
        sst = self.text(name)
        index = len(re.findall(r'<si>|<si\s', sst))
        if sst.rstrip().endswith('/>') and '<sst' in sst and '</sst>' not in sst:
            sst = re.sub(r'<sst([^>]*)/>', r'<sst\1></sst>', sst)
        sst = sst.replace('</sst>', '<si>%s</si></sst>' % si_inner)
        sst = re.sub(r'uniqueCount="\d+"', 'uniqueCount="%d"' % (index + 1), sst)
        sst = re.sub(r'\scount="(\d+)"', lambda m: ' count="%d"' % (int(m.group(1)) + 1), sst)
        self.put(name, sst)
        return index

    def save(self, path):
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                z.writestr(name, self.parts[name])


def cell_xml(book, ref, style, value):
    s = ' s="%s"' % style if style else ''
    if value is None:
        return '<c r="%s"%s/>' % (ref, s)
    if isinstance(value, bool):
        return '<c r="%s"%s t="b"><v>%d</v></c>' % (ref, s, 1 if value else 0)
    if isinstance(value, (int, float)):
        return '<c r="%s"%s><v>%s</v></c>' % (ref, s, repr(value))
    if isinstance(value, dict) and 'date' in value:
        return '<c r="%s"%s t="d"><v>%s</v></c>' % (ref, s, escape(value['date']))
    if isinstance(value, dict) and 'f' in value:
        v = value.get('v')
        if isinstance(v, str):
            return '<c r="%s"%s t="str"><f>%s</f><v>%s</v></c>' % (ref, s, escape(value['f']), escape(v))
        return '<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref, s, escape(value['f']), repr(v))
    if isinstance(value, dict) and 'rich' in value:
        inner = ''.join('<r>%s%s</r>' % ('<rPr><b/><sz val="12"/><rFont val="Times New Roman"/></rPr>' if bold else
                                         '<rPr><sz val="12"/><rFont val="Times New Roman"/></rPr>', text_xml(t))
                        for t, bold in value['rich'])
    else:
        inner = text_xml(str(value))
    index = book.shared_string(inner) if book is not None else None
    if index is None:
        return '<c r="%s"%s t="inlineStr"><is>%s</is></c>' % (ref, s, inner)
    return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, s, index)


def set_cell(book, xml, ref, value):
    letters, row = split_ref(ref)
    row_re = re.compile(r'<row\b[^>]*\br="%d"[^>]*?(/>|>(.*?)</row>)' % row, re.S)
    m = row_re.search(xml)
    if not m:
        new_row = '<row r="%d">%s</row>' % (row, cell_xml(book, ref, None, value))
        rows = list(re.finditer(r'<row\b[^>]*\br="(\d+)"', xml))
        after = [r for r in rows if int(r.group(1)) > row]
        if after:
            pos = after[0].start()
            return xml[:pos] + new_row + xml[pos:]
        if '<sheetData/>' in xml:
            return xml.replace('<sheetData/>', '<sheetData>%s</sheetData>' % new_row)
        return xml.replace('</sheetData>', new_row + '</sheetData>')
    row_xml = m.group(0)
    if m.group(1) == '/>':
        row_xml = row_xml[:-2] + '></row>'
    cell_re = re.compile(r'<c\b[^>]*\br="%s"[^>]*?(/>|>.*?</c>)' % ref, re.S)
    cm = cell_re.search(row_xml)
    if cm:
        style = re.search(r'\bs="(\d+)"', cm.group(0))
        new_cell = cell_xml(book, ref, style.group(1) if style else None, value)
        row_xml = row_xml[:cm.start()] + new_cell + row_xml[cm.end():]
    else:
        new_cell = cell_xml(book, ref, None, value)
        cells = list(re.finditer(r'<c\b[^>]*\br="([A-Z]+)\d+"', row_xml))
        later = [c for c in cells if col_index(c.group(1)) > col_index(letters)]
        pos = later[0].start() if later else row_xml.rindex('</row>')
        row_xml = row_xml[:pos] + new_cell + row_xml[pos:]
    return xml[:m.start()] + row_xml + xml[m.end():]


def hide_row(xml, row):
    def repl(m):
        tag = m.group(0)
        return tag if 'hidden=' in tag else tag.replace('<row ', '<row hidden="1" ', 1)
    return re.sub(r'<row\b[^>]*\br="%d"[^>]*>' % row, repl, xml, count=1)


def hide_col(xml, letters):
    n = col_index(letters)
    found = [False]

    def repl(m):
        tag = m.group(0)
        lo = int(re.search(r'min="(\d+)"', tag).group(1))
        hi = int(re.search(r'max="(\d+)"', tag).group(1))
        if lo <= n <= hi and 'hidden=' not in tag:
            found[0] = True
            return tag.replace('<col ', '<col hidden="1" ', 1)
        return tag
    xml = re.sub(r'<col\b[^>]*/>', repl, xml)
    if not found[0]:
        col = '<col min="%d" max="%d" width="9" hidden="1" customWidth="1"/>' % (n, n)
        xml = xml.replace('</cols>', col + '</cols>') if '</cols>' in xml else xml.replace('<sheetData', '<cols>%s</cols><sheetData' % col, 1)
    return xml


def merge(xml, ref):
    if '<mergeCells' in xml:
        xml = xml.replace('</mergeCells>', '<mergeCell ref="%s"/></mergeCells>' % ref)
        return re.sub(r'<mergeCells count="(\d+)"', lambda m: '<mergeCells count="%d"' % (int(m.group(1)) + 1), xml)
    anchor = re.search(r'</sheetData>(\s*<sheetProtection\b[^>]*/>)?', xml)
    return xml[:anchor.end()] + '<mergeCells count="1"><mergeCell ref="%s"/></mergeCells>' % ref + xml[anchor.end():]


def sheet_xml(rows):
    out = []
    for r, values in enumerate(rows, start=1):
        cells = ''.join(cell_xml(None, '%s%d' % (col_letters(c), r), None, v)
                        for c, v in enumerate(values, start=1) if v is not None)
        out.append('<row r="%d">%s</row>' % (r, cells))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN_NS, REL_NS, ''.join(out)))


def add_sheet(book, name, rows):
    existing = [n for n in book.parts if re.match(r'xl/worksheets/sheet\d+\.xml$', n)]
    number = max(int(re.search(r'(\d+)', n.split('/')[-1]).group(1)) for n in existing) + 1
    part = 'xl/worksheets/sheet%d.xml' % number
    book.put(part, sheet_xml(rows))
    rels = book.text('xl/_rels/workbook.xml.rels')
    rid = 'rIdAdded%d' % number
    rels = rels.replace('</Relationships>', '<Relationship Id="%s" Type="%s" Target="worksheets/sheet%d.xml"/></Relationships>'
                        % (rid, SHEET_TYPE, number))
    book.put('xl/_rels/workbook.xml.rels', rels)
    wb = book.text('xl/workbook.xml')
    ids = [int(x) for x in re.findall(r'sheetId="(\d+)"', wb)]
    wb = wb.replace('</sheets>', '<sheet name="%s" sheetId="%d" r:id="%s"/></sheets>' % (escape(name), max(ids) + 1, rid))
    book.put('xl/workbook.xml', wb)
    ct = book.text('[Content_Types].xml')
    ct = ct.replace('</Types>', '<Override PartName="/%s" ContentType="%s"/></Types>' % (part, SHEET_CT))
    book.put('[Content_Types].xml', ct)


def new_workbook(path, sheets):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        overrides = ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>' % (i, SHEET_CT)
                            for i in range(1, len(sheets) + 1))
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '%s</Types>' % overrides)
        z.writestr('_rels/.rels',
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" '
                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml',
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>'
                   % (MAIN_NS, REL_NS, ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(s['name']), i, i)
                                               for i, s in enumerate(sheets, start=1))))
        z.writestr('xl/_rels/workbook.xml.rels',
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                   % ''.join('<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>' % (i, SHEET_TYPE, i)
                             for i in range(1, len(sheets) + 1)))
        for i, s in enumerate(sheets, start=1):
            z.writestr('xl/worksheets/sheet%d.xml' % i, sheet_xml(s['rows']))


def run(job):
    if 'src' not in job:
        new_workbook(job['dst'], job['sheets'])
        return
    book = Book(job['src'])
    part = book.sheet_part(job['sheet'])
    xml = book.text(part)
    for ref, value in job.get('cells', {}).items():
        xml = set_cell(book, xml, ref, value)
    for row in job.get('hideRows', []):
        xml = hide_row(xml, row)
    for letters in job.get('hideCols', []):
        xml = hide_col(xml, letters)
    for ref in job.get('merge', []):
        xml = merge(xml, ref)
    book.put(part, xml)
    for extra in job.get('addSheets', []):
        add_sheet(book, extra['name'], extra['rows'])
    book.save(job['dst'])


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        spec = json.load(f)
    for job in spec['jobs']:
        run(job)
