//! Files embedded in a PDF: the `/Names /EmbeddedFiles` name tree and the associated files
//! (`/AF`) of the document and its pages, as Factur-X / ZUGFeRD and XRechnung put their XML.
//! Also tells which kind of structured invoice an XML file is, from its root element.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};
use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::font::deref;

/// Most embedded files looked at.
const MAX_FILES: usize = 64;
/// Most name tree nodes visited.
const MAX_NODES: usize = 1024;

pub(crate) const NS_CII: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const NS_UBL_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_UBL_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_SBDH: &str = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

/// An embedded file's name and bytes (decoded), or why its bytes could not be had.
#[derive(Debug, Clone)]
pub(crate) struct EmbeddedFile {
    pub(crate) name: Option<String>,
    pub(crate) bytes: Result<Vec<u8>, String>,
}

/// Every embedded file of the document, each once, name tree first.
pub(crate) fn files(doc: &Document, max_bytes: usize) -> Vec<EmbeddedFile> {
    let mut specs: Vec<&Dictionary> = Vec::new();
    let mut seen_specs: HashSet<*const Dictionary> = HashSet::new();
    let Ok(catalog) = doc.catalog() else {
        return Vec::new();
    };
    // The name tree.
    if let Some(tree) = deref(doc, catalog.get(b"Names").ok())
        .and_then(|o| o.as_dict().ok())
        .and_then(|names| deref(doc, names.get(b"EmbeddedFiles").ok()))
    {
        let mut stack: Vec<&Object> = vec![tree];
        let mut visited: HashSet<*const Object> = HashSet::new();
        let mut nodes = 0;
        while let Some(node) = stack.pop() {
            nodes += 1;
            if nodes > MAX_NODES {
                break;
            }
            let Some(dict) = deref(doc, Some(node)).and_then(|o| o.as_dict().ok()) else {
                continue;
            };
            if let Some(names) = deref(doc, dict.get(b"Names").ok()).and_then(|o| o.as_array().ok())
            {
                for pair in names.chunks(2) {
                    if let [_, spec] = pair {
                        push_spec(doc, Some(spec), &mut specs, &mut seen_specs);
                    }
                }
            }
            if let Some(kids) = deref(doc, dict.get(b"Kids").ok()).and_then(|o| o.as_array().ok()) {
                for kid in kids.iter().rev() {
                    if let Some(target) = deref(doc, Some(kid))
                        && visited.insert(std::ptr::from_ref(target))
                    {
                        stack.push(target);
                    }
                }
            }
        }
    }
    // Associated files of the document, then of the pages.
    let mut af_arrays: Vec<&Object> = Vec::new();
    af_arrays.extend(catalog.get(b"AF").ok());
    for page_id in doc.page_iter().take(16) {
        if let Ok(page) = doc.get_dictionary(page_id) {
            af_arrays.extend(page.get(b"AF").ok());
        }
    }
    for af in af_arrays {
        match deref(doc, Some(af)) {
            Some(Object::Array(items)) => {
                for item in items {
                    push_spec(doc, Some(item), &mut specs, &mut seen_specs);
                }
            }
            Some(other @ Object::Dictionary(_)) => {
                push_spec(doc, Some(other), &mut specs, &mut seen_specs);
            }
            _ => {}
        }
    }

    let mut seen_streams: HashSet<ObjectId> = HashSet::new();
    let mut out = Vec::new();
    for spec in specs {
        let name = ["UF", "F"].iter().find_map(|key| {
            deref(doc, spec.get(key.as_bytes()).ok())
                .and_then(|o| lopdf::decode_text_string(o).ok())
                .filter(|s| !s.trim().is_empty())
        });
        let Some(ef) = deref(doc, spec.get(b"EF").ok()).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        let entry = ef.get(b"F").ok().or_else(|| ef.get(b"UF").ok());
        if let Some(Object::Reference(id)) = entry
            && !seen_streams.insert(*id)
        {
            continue;
        }
        let Some(stream) = deref(doc, entry).and_then(|o| o.as_stream().ok()) else {
            continue;
        };
        let bytes = if stream.content.len() > max_bytes {
            Err(format!(
                "{} byte, mer enn grensen / {} bytes, over the limit",
                stream.content.len(),
                stream.content.len()
            ))
        } else {
            stream
                .get_plain_content_with_limit(max_bytes)
                .map_err(|e| format!("kan ikke pakkes ut / cannot be decoded ({e})"))
        };
        out.push(EmbeddedFile { name, bytes });
    }
    out
}

fn push_spec<'a>(
    doc: &'a Document,
    spec: Option<&'a Object>,
    specs: &mut Vec<&'a Dictionary>,
    seen: &mut HashSet<*const Dictionary>,
) {
    if let Some(dict) = deref(doc, spec).and_then(|o| o.as_dict().ok())
        && specs.len() < MAX_FILES
        && seen.insert(std::ptr::from_ref(dict))
    {
        specs.push(dict);
    }
}

/// What an embedded XML file is, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XmlKind {
    Cii,
    Ubl,
    /// Some other XML (metadata, another standard).
    Other,
    /// Not XML we can read (not UTF-8, a DTD, broken before the root).
    Unreadable,
}

/// Decides by the root element's namespace and local name; the file name is not trusted.
pub(crate) fn classify(bytes: &[u8]) -> XmlKind {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(body) else {
        return XmlKind::Unreadable;
    };
    let mut reader = NsReader::from_str(text);
    for _ in 0..10_000 {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(start) | Event::Empty(start))) => {
                let namespace = match ns {
                    ResolveResult::Bound(ns) => ns.0.to_owned(),
                    _ => String::new(),
                };
                let local = start.local_name().as_ref().to_owned();
                return match (namespace.as_str(), local.as_str()) {
                    (NS_CII, "CrossIndustryInvoice") => XmlKind::Cii,
                    (NS_UBL_INVOICE, "Invoice")
                    | (NS_UBL_CREDIT_NOTE, "CreditNote")
                    | (NS_SBDH, "StandardBusinessDocument") => XmlKind::Ubl,
                    _ => XmlKind::Other,
                };
            }
            Ok((_, Event::DocType(_))) | Err(_) | Ok((_, Event::Eof)) => {
                return XmlKind::Unreadable;
            }
            Ok(_) => {}
        }
    }
    XmlKind::Unreadable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_decide() {
        assert_eq!(
            classify(
                br#"<?xml version="1.0"?><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>"#
            ),
            XmlKind::Cii
        );
        assert_eq!(
            classify(
                br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#
            ),
            XmlKind::Ubl
        );
        assert_eq!(
            classify(br#"<CrossIndustryInvoice xmlns="urn:other"/>"#),
            XmlKind::Other
        );
        assert_eq!(
            classify(b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"),
            XmlKind::Unreadable
        );
        assert_eq!(classify(b"\xff\xfe<"), XmlKind::Unreadable);
    }
}
