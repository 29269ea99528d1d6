#!/usr/bin/python3
"""Reads an indicators .xlsx with openpyxl and prints what a spreadsheet user would see, as JSON, for the C++
tests to compare with the dashboard's figures: the sheet names, the Synthèse values by code, the Total row of each
breakdown sheet, the rows of the Questionnaires, Citations and Parcours sheets (header -> value, with the number
formats and data types of their cells; Parcours up to its first empty row), and every cell whose text starts with
'=' with its openpyxl data type ('s' text, 'f' formula)."""
import datetime
import json
import sys

import openpyxl


def main(path):
    wb = openpyxl.load_workbook(path)  # formulas are kept as formulas (data_type 'f'), not evaluated
    out = {"sheets": wb.sheetnames, "summary": {}, "totals": {}, "rows": {}, "formula_like": [], "non_numeric": []}
    summary = wb["Synthèse"]
    header = None
    for row in summary.iter_rows():
        cell = lambda i: row[i].value if len(row) > i else None
        a, b, e = cell(0), cell(1), cell(4)
        if a in ("Indicateur", "Objectif"):
            header = a
            continue
        if header == "Indicateur" and e:
            out["summary"][e] = b
        if header == "Objectif" and e:
            out["summary"]["target:" + e] = {"target": b, "actual": cell(2)}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    out["formula_like"].append(
                        {"sheet": ws.title, "cell": cell.coordinate, "value": cell.value, "data_type": cell.data_type})
        if not ws.title.startswith("Par "):
            continue
        titles = [c.value for c in ws[1]]
        rows = []
        for row in ws.iter_rows(min_row=2):
            values = [c.value for c in row]
            for c in row[2:]:
                if c.value is not None and c.data_type != "n":
                    out["non_numeric"].append({"sheet": ws.title, "cell": c.coordinate, "value": str(c.value)})
            record = dict(zip(titles, values))
            if values[0] == "total":
                out["totals"][ws.title] = record
            else:
                rows.append(record)
        out["rows"][ws.title] = rows
    for title in ("Questionnaires", "Citations", "Parcours"):
        if title not in wb.sheetnames:
            continue
        ws = wb[title]
        titles = [c.value for c in ws[1]]
        records = []
        for row in ws.iter_rows(min_row=2):
            if title == "Parcours" and all(c.value is None for c in row):
                break  # the funnel table ends at the first empty row (a note follows)
            record = {t: plain(c.value) for t, c in zip(titles, row)}
            record["_formats"] = {t: c.number_format for t, c in zip(titles, row) if c.value is not None}
            record["_types"] = {t: c.data_type for t, c in zip(titles, row) if c.value is not None}
            records.append(record)
        out[title] = records
    json.dump(out, sys.stdout, ensure_ascii=False)


def plain(value):
    """A cell value JSON can hold: dates as 'YYYY-MM-DD'."""
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%Y-%m-%d")
    return value


if __name__ == "__main__":
    main(sys.argv[1])
