#!/usr/bin/python3
"""Parses an indicators CSV with Python's csv module (as a spreadsheet import would) and prints it as JSON:
whether it starts with a UTF-8 BOM, whether every record ends with CRLF, the header and the records."""
import csv
import io
import json
import sys


def main(path, delimiter):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    out = {
        "bom": raw.startswith(b"\xef\xbb\xbf"),
        "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),  # line feeds outside CRLF pairs (inside quoted cells)
        "header": records[0],
        "records": records[1:],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
