//! Server-rendered HTML for pages that never hydrate: what only the wasm bundle would read is
//! taken out. tachys writes `<!>` placeholders and comment marks unconditionally, and the
//! shared context adds inline `<script>`s with the serialised resources; on a page without
//! wasm they are dead weight (and the Nu Html Checker calls `<!>` a bogus comment). User text
//! never contains a raw `<` (it is escaped), so every `<!` and `<script` found is markup.

/// Renders a view as a page that never hydrates shows it, in one language (a live fragment).
pub fn render_html<V: leptos::prelude::IntoView + 'static>(
    lang: crate::i18n::Lang,
    view: impl FnOnce() -> V,
) -> String {
    use leptos::prelude::*;
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(crate::i18n::I18n { lang });
        view().into_view().to_html()
    });
    strip_hydration_marks(&html)
}

/// Removes `<!>` and `<!-- … -->` marks.
#[must_use]
pub fn strip_hydration_marks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("<!>") {
            rest = after;
        } else if let Some(comment) = tail.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else {
            // `<!DOCTYPE html>`: kept.
            out.push_str("<!");
            rest = &tail[2..];
        }
    }
    out.push_str(rest);
    out
}

/// Removes inline `<script>` elements (those without `src`): the resource data for hydration.
#[must_use]
pub fn strip_inline_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let tag_end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let tag = &tail[..tag_end];
        let Some(close) = tail.find("</script>").map(|i| i + "</script>".len()) else {
            out.push_str(tail);
            return out;
        };
        if tag.contains(" src=") {
            out.push_str(&tail[..close]);
        }
        rest = &tail[close..];
    }
    out.push_str(rest);
    out
}

/// A whole page for a browser that runs no wasm.
#[must_use]
pub fn without_hydration(html: &str) -> String {
    strip_inline_scripts(&strip_hydration_marks(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_inline_scripts_go_and_everything_else_stays() {
        let page = "<!DOCTYPE html><html><head><script src=\"/pkg/live.js\" defer></script></head>\
                    <body><p>a<!>b<!-- s-1 -->c &lt;!&gt;</p><script>__RESOLVED_RESOURCES=[];</script></body></html>\
                    <script>x</script>";
        assert_eq!(
            without_hydration(page),
            "<!DOCTYPE html><html><head><script src=\"/pkg/live.js\" defer></script></head>\
             <body><p>abc &lt;!&gt;</p></body></html>"
        );
    }
}
