//! Drawing the sandbox's PDFs (the mandate form, an invoice, the seeded signed
//! copy): text, rules and boxes laid out top-down on A4 pages, then written by
//! krilla.
//!
//! Why krilla: it is a maintained, high-level PDF crate (MIT/Apache-2.0, built on
//! the typst project's `pdf-writer`) that embeds a subset of a TrueType font with
//! its `ToUnicode` map, so French accents, « € » and the narrow no-break spaces of
//! French amounts print as typed and come out as the same text when a reader
//! copies or extracts it. The standard PDF fonts would need their own byte
//! encoding written by hand and cover no character beyond Latin-1.
//!
//! The font is DejaVu Sans, regular and bold (`fonts/`, free licence beside it),
//! built into the binary; widths are measured with `skrifa`, the font reader
//! krilla itself uses.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider as _};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// The left and right margins; the text runs from `LEFT` to `RIGHT`.
pub const LEFT: f32 = 48.0;
pub const RIGHT: f32 = PAGE_WIDTH - 48.0;
const TOP: f32 = 48.0;
const BOTTOM: f32 = PAGE_HEIGHT - 42.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// Grey levels (0 black, 255 white).
pub const INK: u8 = 0;
pub const MUTED: u8 = 85;
pub const SHADE: u8 = 236;

enum Mark {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        grey: u8,
        text: String,
    },
    Rect {
        rect: Rect,
        fill: Option<u8>,
        stroke: bool,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
    },
}

/// The width of `text` set in `size` points.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let Ok(font) = FontRef::new(weight.data()) else {
        return 0.0;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .filter_map(|c| metrics.advance_width(charmap.map(c)?))
        .sum()
}

/// `text` broken into lines no wider than `max` (at spaces; a word longer than
/// a line stays whole on its own line).
pub fn wrap(text: &str, max: f32, size: f32, weight: Weight) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(&candidate, size, weight) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut with « … » to fit within `max`.
pub fn fit(text: &str, max: f32, size: f32, weight: Weight) -> String {
    if width(text, size, weight) <= max {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && width(&format!("{out}…"), size, weight) > max {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// A document being laid out: marks page by page, `y` the top of what comes next.
pub struct Sheet {
    title: String,
    pages: Vec<Vec<Mark>>,
    footer: String,
    pub y: f32,
}

impl Sheet {
    pub fn new(title: impl Into<String>) -> Sheet {
        Sheet {
            title: title.into(),
            pages: vec![Vec::new()],
            footer: String::new(),
            y: TOP,
        }
    }

    fn push(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// Starts a new page unless `height` more points fit on this one, so that a
    /// block (a table row, the signature boxes) is never cut across pages.
    pub fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// A small line at the foot of every page, with the page's number when
    /// there are several.
    pub fn footer(&mut self, text: impl Into<String>) {
        self.footer = text.into();
    }

    /// One line of text whose baseline is at `baseline`.
    pub fn text(&mut self, x: f32, baseline: f32, size: f32, weight: Weight, text: &str) {
        self.text_grey(x, baseline, size, weight, INK, text);
    }

    pub fn text_grey(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        grey: u8,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        self.push(Mark::Text {
            x,
            baseline,
            size,
            weight,
            grey,
            text: text.to_string(),
        });
    }

    /// One line of text ending at `right`.
    pub fn text_right(&mut self, right: f32, baseline: f32, size: f32, weight: Weight, text: &str) {
        let x = right - width(text, size, weight);
        self.text(x, baseline, size, weight, text);
    }

    /// A paragraph from `y`, wrapped within `x..x + max`; moves `y` below it.
    pub fn paragraph(&mut self, x: f32, max: f32, size: f32, weight: Weight, text: &str) {
        let leading = size * 1.35;
        for line in wrap(text, max, size, weight) {
            self.room(leading);
            self.y += leading;
            self.text(x, self.y - size * 0.3, size, weight, &line);
        }
    }

    /// A box outlined in black.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32) {
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            self.push(Mark::Rect {
                rect,
                fill: None,
                stroke: true,
            });
        }
    }

    /// A grey band behind text, not outlined.
    pub fn shade(&mut self, x: f32, y: f32, w: f32, h: f32) {
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            self.push(Mark::Rect {
                rect,
                fill: Some(SHADE),
                stroke: false,
            });
        }
    }

    /// A horizontal rule across `x1..x2` at `y`.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        self.push(Mark::Line {
            from: (x1, y),
            to: (x2, y),
        });
    }

    /// The PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let count = self.pages.len();
        if !self.footer.is_empty() {
            for (i, page) in self.pages.iter_mut().enumerate() {
                let text = if count > 1 {
                    format!("{} – page {}/{count}", self.footer, i + 1)
                } else {
                    self.footer.clone()
                };
                page.push(Mark::Text {
                    x: LEFT,
                    baseline: PAGE_HEIGHT - 28.0,
                    size: 7.5,
                    weight: Weight::Regular,
                    grey: MUTED,
                    text,
                });
            }
        }
        let font = |weight: Weight| {
            Font::new(Data::from(weight.data()), 0)
                .ok_or_else(|| format!("the bundled {weight:?} font does not parse"))
        };
        let (regular, bold) = (font(Weight::Regular)?, font(Weight::Bold)?);
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(self.title)
                .language("fr-FR".into())
                .creator("mandat sandbox".into()),
        );
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("page size")?;
        for marks in &self.pages {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for mark in marks {
                match mark {
                    Mark::Text {
                        x,
                        baseline,
                        size,
                        weight,
                        grey,
                        text,
                    } => {
                        surface.set_stroke(None);
                        surface.set_fill(Some(Fill {
                            paint: luma::Color::new(*grey).into(),
                            ..Fill::default()
                        }));
                        let font = match weight {
                            Weight::Regular => regular.clone(),
                            Weight::Bold => bold.clone(),
                        };
                        surface.draw_text(
                            Point::from_xy(*x, *baseline),
                            font,
                            *size,
                            text,
                            false,
                            TextDirection::LeftToRight,
                        );
                    }
                    Mark::Rect { rect, fill, stroke } => {
                        let mut path = PathBuilder::new();
                        path.push_rect(*rect);
                        let Some(path) = path.finish() else { continue };
                        surface.set_fill(fill.map(|grey| Fill {
                            paint: luma::Color::new(grey).into(),
                            ..Fill::default()
                        }));
                        surface.set_stroke(stroke.then(|| Stroke {
                            width: 0.8,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                    }
                    Mark::Line { from, to } => {
                        let mut path = PathBuilder::new();
                        path.move_to(from.0, from.1);
                        path.line_to(to.0, to.1);
                        let Some(path) = path.finish() else { continue };
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            width: 0.5,
                            paint: luma::Color::new(MUTED).into(),
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| format!("{e:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let one = width("0", 10.0, Weight::Regular);
        assert!(one > 5.0 && one < 7.0, "{one}");
        assert!((width("000", 10.0, Weight::Regular) - 3.0 * one).abs() < 0.01);
        assert!(width("Mandat", 10.0, Weight::Bold) > width("Mandat", 10.0, Weight::Regular));
        assert!(width("é€", 10.0, Weight::Regular) > 0.0);
    }

    #[test]
    fn text_wraps_at_spaces_within_the_width() {
        let text = "Numérisez le formulaire signé et déposez-le sur la page du mandat";
        let lines = wrap(text, 150.0, 10.0, Weight::Regular);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(width(line, 10.0, Weight::Regular) <= 150.0, "{line}");
        }
    }

    #[test]
    fn a_long_text_is_cut_with_an_ellipsis() {
        let cut = fit(
            "Serveur dédié Advance-2 - 12 mois",
            60.0,
            10.0,
            Weight::Regular,
        );
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, 10.0, Weight::Regular) <= 60.0);
        assert_eq!(fit("Court", 60.0, 10.0, Weight::Regular), "Court");
    }

    #[test]
    fn a_block_that_does_not_fit_starts_a_new_page() {
        let mut sheet = Sheet::new("x");
        sheet.y = BOTTOM - 10.0;
        sheet.room(5.0);
        assert_eq!(sheet.page_count(), 1);
        sheet.room(20.0);
        assert_eq!(sheet.page_count(), 2);
        assert_eq!(sheet.y, TOP);
    }
}
