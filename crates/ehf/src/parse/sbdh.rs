//! Reading the Standard Business Document Header that Peppol access points wrap around a
//! document: who sent it to whom, and as what document type and process.

use mottak_invoice::{Envelope, Identifier};

use super::tags::Tag as T;
use super::{Capture, LeafAttrs};

/// Builds the [`Envelope`] while the reader walks `StandardBusinessDocumentHeader`.
#[derive(Debug, Default)]
pub(crate) struct EnvelopeBuilder {
    envelope: Envelope,
    /// `Scope/Type` and `Scope/InstanceIdentifier` of the scope being read.
    scope_type: Option<String>,
    scope_instance: Option<String>,
}

impl EnvelopeBuilder {
    /// An element starts; `path` starts with the header element itself.
    pub(crate) fn start(&mut self, path: &[T]) -> Capture {
        if let [T::SbdHeader, T::SbdBusinessScope, T::SbdScope] = path {
            self.scope_type = None;
            self.scope_instance = None;
        }
        match path.last() {
            Some(T::Unknown) | None => Capture::None,
            Some(_) => Capture::Text,
        }
    }

    /// An element ends with trimmed `text`.
    pub(crate) fn end(&mut self, path: &[T], text: &str, attrs: &LeafAttrs) {
        let env = &mut self.envelope;
        match path {
            [T::SbdHeader, T::SbdSender, T::SbdIdentifier] => {
                fill_identifier(&mut env.sender, text, attrs);
            }
            [T::SbdHeader, T::SbdReceiver, T::SbdIdentifier] => {
                fill_identifier(&mut env.receiver, text, attrs);
            }
            [T::SbdHeader, T::SbdDocumentIdentification, leaf] => match leaf {
                T::SbdStandard => fill(&mut env.standard, text),
                T::SbdInstanceIdentifier => fill(&mut env.instance_id, text),
                T::SbdType => fill(&mut env.document_type, text),
                // TypeVersion has no place in the model; the standard and type identify
                // the document well enough for routing.
                _ => {}
            },
            [T::SbdHeader, T::SbdBusinessScope, T::SbdScope, leaf] => match leaf {
                T::SbdType => fill(&mut self.scope_type, text),
                T::SbdInstanceIdentifier => fill(&mut self.scope_instance, text),
                _ => {}
            },
            [T::SbdHeader, T::SbdBusinessScope, T::SbdScope] => {
                let instance = self.scope_instance.take();
                match self.scope_type.take().as_deref() {
                    Some(t) if t.eq_ignore_ascii_case("DOCUMENTID") => {
                        fill_from(&mut env.document_id_scope, instance);
                    }
                    Some(t) if t.eq_ignore_ascii_case("PROCESSID") => {
                        fill_from(&mut env.process_id_scope, instance);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    pub(crate) fn finish(self) -> Envelope {
        self.envelope
    }
}

fn fill(field: &mut Option<String>, text: &str) {
    if field.is_none() && !text.is_empty() {
        *field = Some(text.to_owned());
    }
}

fn fill_from(field: &mut Option<String>, value: Option<String>) {
    if field.is_none() {
        *field = value;
    }
}

fn fill_identifier(field: &mut Option<Identifier>, text: &str, attrs: &LeafAttrs) {
    if field.is_none() && !text.is_empty() {
        *field = Some(Identifier {
            value: text.to_owned(),
            scheme: attrs.authority.clone().filter(|a| !a.is_empty()),
        });
    }
}
