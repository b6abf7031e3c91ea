//! A virtual window over a long table: which rows are in view of a
//! scrolling container, so a list of ten thousand draws only those (and a
//! few beyond each edge), with spacers for the rest.
//!
//! ## Usage
//! ```ignore
//! let window = use_virtual_window(Signal::derive(move || shown.with(Vec::len)), 40, 6);
//! view! {
//!     <div class="vtable" node_ref=window.container on:scroll=move |_| window.measure()>
//!         // rows window.range().0 .. window.range().1
//!     </div>
//! }
//! ```

use leptos::html::Div;
use leptos::prelude::*;

/// The rows in view of a scrolling container.
#[derive(Clone, Copy)]
pub struct VirtualWindow {
    /// The scrolling element.
    pub container: NodeRef<Div>,
    /// The rows to draw, first to last (exclusive), and the first row in
    /// view.
    pub rows: Memo<(usize, usize, usize)>,
    scroll_top: RwSignal<usize>,
    viewport: RwSignal<usize>,
    row_height: usize,
}

impl VirtualWindow {
    /// Reads the container's scroll position and height again.
    pub fn measure(&self) {
        if let Some(element) = self.container.get_untracked() {
            self.scroll_top
                .set(usize::try_from(element.scroll_top()).unwrap_or(0));
            self.viewport
                .set(usize::try_from(element.client_height()).unwrap_or(1).max(1));
        }
    }

    /// Scrolls so that row `row` is at the top.
    pub fn scroll_to_row(&self, row: usize) {
        if let Some(element) = self.container.get_untracked() {
            element.set_scroll_top(i32::try_from(row * self.row_height).unwrap_or(i32::MAX));
        }
        self.measure();
    }

    /// The height of `rows` rows, for a spacer (`"400px"`; whole pixels, so
    /// no float formatting in the bundle).
    pub fn height_of(&self, rows: usize) -> String {
        format!("{}px", rows * self.row_height)
    }
}

/// The window over `total` rows of `row_height` pixels each, with
/// `overscan` rows drawn beyond each edge, so fast scrolling shows no gap.
pub fn use_virtual_window(
    total: Signal<usize>,
    row_height: usize,
    overscan: usize,
) -> VirtualWindow {
    let scroll_top = RwSignal::new(0usize);
    let viewport = RwSignal::new(600usize);
    let rows = Memo::new(move |_| {
        let total = total.get();
        let first_in_view = scroll_top.get() / row_height;
        let first = first_in_view.saturating_sub(overscan).min(total);
        let count = viewport.get().div_ceil(row_height) + 2 * overscan;
        (first, (first + count).min(total), first_in_view)
    });
    VirtualWindow {
        container: NodeRef::new(),
        rows,
        scroll_top,
        viewport,
        row_height,
    }
}
