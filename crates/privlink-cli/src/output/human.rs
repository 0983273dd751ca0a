//! `--format human`: rustc-style diagnostics rendered by miette, with the source snippet,
//! labels and help.

use super::FileResult;
use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource};
use rayon::prelude::*;

/// Renders every finding of every file. `color` selects the graphical, coloured theme.
pub(crate) fn render(results: &[FileResult], color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_break_words(false)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_links(false);
    // Files render independently: in parallel, then joined in order.
    let parts: Vec<String> = results
        .par_iter()
        .map(|r| render_file(r, &handler))
        .collect();
    parts.concat()
}

fn render_file(r: &FileResult, handler: &GraphicalReportHandler) -> String {
    let mut out = String::new();
    {
        match &r.outcome {
            Ok(report) => {
                for d in report.diagnostics() {
                    let with_source = WithSource {
                        inner: d,
                        source: NamedSource::new(&r.path, r.text.clone()),
                    };
                    if handler.render_report(&mut out, &with_source).is_err() {
                        out.push_str(&format!(
                            "{}: {}[{}] {}\n",
                            r.path, d.severity, d.code, d.message
                        ));
                    }
                    if d.span.is_none() {
                        // Request-level findings have no snippet: say what they are about.
                        out.push_str(&format!("  (request: {})\n", d.pointer));
                    }
                    out.push('\n');
                }
            }
            Err(e) => out.push_str(&format!("error: {}: {e}\n\n", r.path)),
        }
    }
    out
}

/// A diagnostic paired with its source text for miette.
#[derive(Debug)]
struct WithSource<'a> {
    inner: &'a privlink::Diagnostic,
    source: NamedSource<String>,
}

impl std::fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        miette::Diagnostic::code(self.inner)
    }
    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.inner)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        miette::Diagnostic::help(self.inner)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        miette::Diagnostic::labels(self.inner)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.inner
            .span
            .map(|_| &self.source as &dyn miette::SourceCode)
    }
}
