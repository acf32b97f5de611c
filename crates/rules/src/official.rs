//! The official rules (EN 16931 + Peppol BIS Billing 3.0, from `mottak-en16931`) as
//! findings beside the receiver's own: one finding per rule id that fired, keeping the
//! official id and flag, with a bilingual message and where it fired first.

use mottak_en16931::{Flag, Report};

use crate::finding::{Finding, Severity};

/// The findings for an official validation report, fatal rules first, each rule once.
pub fn official_findings(report: &Report) -> Vec<Finding> {
    let mut findings: Vec<Finding> = report
        .firings
        .iter()
        .map(|(id, (flag, count))| {
            let first = report.locations.iter().find(|f| f.id == *id);
            finding(id, *flag, *count, first)
        })
        .collect();
    findings.sort_by_key(|f| !f.is_fatal());
    findings
}

fn finding(id: &str, flag: Flag, count: u32, first: Option<&mottak_en16931::Firing>) -> Finding {
    // Every registered rule has a clerk message (tested in `mottak-en16931`); an id without
    // one is not registered, so there is nothing to say beyond the id itself.
    let (nb, en) = match mottak_en16931::clerk_message(id) {
        Some(m) => (m.nb.into_owned(), m.en.into_owned()),
        None => (
            format!("Regel {id} er ikke oppfylt."),
            format!("Rule {id} is not met."),
        ),
    };
    let times_nb = if count > 1 {
        format!(" ({count} steder)")
    } else {
        String::new()
    };
    let times_en = if count > 1 {
        format!(" ({count} places)")
    } else {
        String::new()
    };
    let location = first.map(|f| format!("{} (line {})", f.location, f.line));
    Finding {
        rule: id.to_owned(),
        code: status_reason(id).to_owned(),
        severity: match flag {
            Flag::Fatal => Severity::Fatal,
            Flag::Warning => Severity::Warning,
        },
        message: format!(
            "{}{times_nb}. / {}{times_en}.",
            nb.trim_end_matches('.'),
            en.trim_end_matches('.')
        ),
        location,
    }
}

/// The Peppol Invoice Response `OPStatusReason` code for an official rule: what kind of
/// information the supplier must correct.
pub fn status_reason(id: &str) -> &'static str {
    const REFERENCE: &[&str] = &["PEPPOL-EN16931-R003", "BR-55", "PEPPOL-EN16931-R080"];
    const PAYMENT: &[&str] = &[
        "BR-49",
        "BR-50",
        "BR-51",
        "BR-61",
        "BR-CO-25",
        "BR-CO-27",
        "PEPPOL-EN16931-R061",
        "NO-R-002",
    ];
    const RECEIVER: &[&str] = &[
        "BR-07",
        "BR-63",
        "PEPPOL-EN16931-R020",
        "PEPPOL-EN16931-R010",
    ];
    if REFERENCE.contains(&id) {
        return "REF";
    }
    if PAYMENT.contains(&id) {
        return "PAY";
    }
    if RECEIVER.contains(&id) {
        return "REC";
    }
    // Totals, VAT amounts and decimals: the figures do not add up.
    let figures = id.starts_with("BR-CO-1")
        || id.starts_with("BR-DEC-")
        || id.starts_with("PEPPOL-EN16931-R12")
        || id.starts_with("PEPPOL-EN16931-R04")
        || ["-08", "-09"]
            .iter()
            .any(|s| id.starts_with("BR-") && id.ends_with(s));
    if figures {
        return "FIN";
    }
    // Anything else is formal (legal) information that is missing or wrong.
    "LEG"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_from_opstatusreason() {
        assert_eq!(status_reason("PEPPOL-EN16931-R003"), "REF");
        assert_eq!(status_reason("BR-CO-15"), "FIN");
        assert_eq!(status_reason("BR-S-08"), "FIN");
        assert_eq!(status_reason("BR-61"), "PAY");
        assert_eq!(status_reason("BR-01"), "LEG");
        assert_eq!(status_reason("UBL-CR-001"), "LEG");
    }
}
