//! Reading a spreadsheet saved as CSV the way Excel and WPS save it: UTF-8 with
//! or without a byte-order mark, CRLF or LF line ends, cells quoted when they
//! hold a comma, a quote or a line break (RFC 4180). Every record keeps the line
//! it starts on, so a problem can be reported where an editor shows it.

/// The byte-order mark Excel writes at the start of a "CSV UTF-8" file.
const BOM: char = '\u{feff}';

/// One record (spreadsheet row) of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The line of the file the record starts on (the header is line 1).
    pub line: usize,
    /// The spreadsheet's row number (the header is row 1). It differs from
    /// `line` only after a cell that holds a line break.
    pub row: usize,
    pub cells: Vec<String>,
}

/// A file that cannot be read as CSV, with the line where reading stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// The text of the file without its byte-order mark; anything but UTF-8 is an error.
pub fn decode(bytes: &[u8]) -> Result<&str, CsvError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix(BOM).unwrap_or(text)),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            Err(CsvError {
                line,
                message:
                    "not UTF-8 text: in Excel save as \"CSV UTF-8 (Comma delimited)\", in WPS choose UTF-8 encoding"
                        .into(),
            })
        }
    }
}

/// Splits the text into records. A line break inside a quoted cell stays in the
/// cell (as `\n`); a line break outside one ends the record.
pub fn records(text: &str) -> Result<Vec<Record>, CsvError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(CsvError { line: start, message: "a quoted cell is never closed".into() });
                }
                cells.push(std::mem::take(&mut cell));
                break;
            };
            // A line break is `\r\n`, `\n` or a lone `\r`.
            let newline = c == '\n' || c == '\r';
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            if newline {
                line += 1;
            }
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => {
                    quoted = false;
                    if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                        let message = "text after a quoted cell's closing quote: double a quote inside a quoted cell";
                        return Err(CsvError { line, message: message.into() });
                    }
                }
                (true, _) if newline => cell.push('\n'),
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => cells.push(std::mem::take(&mut cell)),
                (false, _) if newline => {
                    cells.push(std::mem::take(&mut cell));
                    break;
                }
                (false, c) => cell.push(c),
            }
        }
        out.push(Record { line: start, row: out.len() + 1, cells });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, usize, Vec<String>)> {
        records(text).unwrap().into_iter().map(|r| (r.line, r.row, r.cells)).collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_line_breaks() {
        let text = "a,b,c\r\n\"1,5\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,,\r\n";
        assert_eq!(
            cells(text),
            vec![
                (1, 1, v(&["a", "b", "c"])),
                (2, 2, v(&["1,5", "say \"hi\"", "two\nlines"])),
                (4, 3, v(&["x", "", ""])),
            ]
        );
    }

    #[test]
    fn lf_lone_cr_blank_lines_and_a_missing_final_line_break() {
        assert_eq!(cells("a\n\nb\rc"), vec![(1, 1, v(&["a"])), (2, 2, v(&[""])), (3, 3, v(&["b"])), (4, 4, v(&["c"]))]);
    }

    #[test]
    fn broken_quotes_are_located() {
        let open = records("a,b\nx,\"never closed\ny,z\n").unwrap_err();
        assert_eq!(open.line, 2);
        assert!(open.message.contains("never closed"), "{}", open.message);
        let after = records("a,b\n\"x\"y,z\n").unwrap_err();
        assert_eq!(after.line, 2);
    }

    #[test]
    fn the_byte_order_mark_is_dropped_and_other_encodings_are_refused() {
        assert_eq!(decode("\u{feff}a,b".as_bytes()).unwrap(), "a,b");
        assert_eq!(decode(b"a,b").unwrap(), "a,b");
        // "甘肃" in GBK, as Excel's plain "CSV" saves it on a Chinese system.
        let err = decode(b"a,b\n\xb8\xca\xcb\xe0,1\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("UTF-8"));
    }
}
