//! CSV export of list rows, for spreadsheets: a UTF-8 byte-order mark so
//! Excel reads the encoding, RFC 4180 quoting, CRLF line ends, and a guard
//! against formula injection (a cell starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return gets a leading `'`, so it stays text).
//!
//! ## Usage
//! ```
//! use userdesk_api::csv::Csv;
//! let mut csv = Csv::new(["Name", "Note"]);
//! csv.row(["Ada", "=1+1"]);
//! assert_eq!(csv.finish(), "\u{feff}Name,Note\r\nAda,'=1+1\r\n");
//! ```

/// A CSV document being written, header first.
pub struct Csv {
    text: String,
    rows: usize,
}

impl Csv {
    /// Starts a document with its header row.
    pub fn new<I, S>(header: I) -> Csv
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut csv = Csv {
            text: String::from('\u{feff}'),
            rows: 0,
        };
        csv.line(header);
        csv
    }

    /// Appends one data row.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.line(cells);
        self.rows += 1;
    }

    /// The data rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The whole document.
    pub fn finish(self) -> String {
        self.text
    }

    fn line<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.text.push(',');
            }
            push_field(&mut self.text, cell.as_ref());
        }
        self.text.push_str("\r\n");
    }
}

/// Whether a spreadsheet would read a cell starting like this as a formula.
fn looks_like_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

fn push_field(out: &mut String, cell: &str) {
    let guard = looks_like_formula(cell);
    let quoted = cell.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for character in cell.chars() {
        if character == '"' {
            out.push('"');
        }
        out.push(character);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_a_bom_and_ends_lines_with_crlf() {
        let mut csv = Csv::new(["ID", "Name"]);
        csv.row(["1", "Ada"]);
        csv.row(["2", "Grace"]);
        assert_eq!(csv.rows(), 2);
        assert_eq!(csv.finish(), "\u{feff}ID,Name\r\n1,Ada\r\n2,Grace\r\n");
    }

    #[test]
    fn quotes_commas_quotes_and_line_breaks() {
        let mut csv = Csv::new(["a"]);
        csv.row(["Doe, \"Jr\""]);
        csv.row(["two\nlines"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}a\r\n\"Doe, \"\"Jr\"\"\"\r\n\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn formulas_stay_text() {
        for (cell, written) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            let mut csv = Csv::new(["c"]);
            csv.row([cell]);
            assert_eq!(
                csv.finish(),
                format!("\u{feff}c\r\n{written}\r\n"),
                "{cell:?}"
            );
        }
    }
}
