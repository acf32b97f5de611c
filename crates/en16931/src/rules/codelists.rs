//! Code lists compiled in, as the official rule set 3.0.19 restricts them (reference data:
//! ISO 3166-1, ISO 4217, UNTDID 7161, the Peppol electronic address scheme list).

use crate::doc::Tag;

/// Country codes (ISO 3166-1 alpha-2) as Peppol accepts them. Sorted, for binary search.
pub(crate) const ISO3166: &[&str] = &[
    "1A", "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR",
    "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM",
    "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC",
    "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE",
    "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE",
    "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB",
    "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH",
    "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF",
    "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU",
    "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR",
    "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN",
    "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG",
    "VI", "VN", "VU", "WF", "WS", "XI", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Currency codes (ISO 4217). Sorted, for binary search.
pub(crate) const ISO4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XDR", "XOF", "XPD", "XPF",
    "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

/// Charge reason codes (UNTDID 7161). Sorted, for binary search.
pub(crate) const UNCL7161: &[&str] = &[
    "AA", "AAA", "AAC", "AAD", "AAE", "AAF", "AAH", "AAI", "AAS", "AAT", "AAV", "AAY", "AAZ",
    "ABA", "ABB", "ABC", "ABD", "ABF", "ABK", "ABL", "ABN", "ABR", "ABS", "ABT", "ABU", "ACF",
    "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACS", "ADC", "ADE", "ADJ", "ADK", "ADL",
    "ADM", "ADN", "ADO", "ADP", "ADQ", "ADR", "ADT", "ADW", "ADY", "ADZ", "AEA", "AEB", "AEC",
    "AED", "AEF", "AEH", "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AES", "AET",
    "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AJ", "AU", "CA", "CAB", "CAD", "CAE", "CAF", "CAI",
    "CAJ", "CAK", "CAL", "CAM", "CAN", "CAO", "CAP", "CAQ", "CAR", "CAS", "CAT", "CAU", "CAV",
    "CAW", "CAX", "CAY", "CAZ", "CD", "CG", "CS", "CT", "DAB", "DAC", "DAD", "DAF", "DAG", "DAH",
    "DAI", "DAJ", "DAK", "DAL", "DAM", "DAN", "DAO", "DAP", "DAQ", "DL", "EG", "EP", "ER", "FAA",
    "FAB", "FAC", "FC", "FH", "FI", "GAA", "HAA", "HD", "HH", "IAA", "IAB", "ID", "IF", "IR", "IS",
    "KO", "L1", "LA", "LAA", "LAB", "LF", "MAE", "MI", "ML", "NAA", "OA", "PA", "PAA", "PC", "PL",
    "PRV", "RAB", "RAC", "RAD", "RAF", "RE", "RF", "RH", "RV", "SA", "SAA", "SAD", "SAE", "SAI",
    "SG", "SH", "SM", "SU", "TAB", "TAC", "TT", "TV", "V1", "V2", "WH", "XAA", "YY", "ZZZ",
];

/// Electronic address scheme identifiers (EAS). Sorted, for binary search.
pub(crate) const EAS: &[&str] = &[
    "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142",
    "0147", "0151", "0154", "0158", "0170", "0177", "0183", "0184", "0188", "0190", "0191", "0192",
    "0193", "0194", "0195", "0196", "0198", "0199", "0200", "0201", "0202", "0203", "0204", "0205",
    "0208", "0209", "0210", "0211", "0212", "0213", "0215", "0216", "0217", "0218", "0221", "0225",
    "0230", "0235", "0240", "9910", "9913", "9914", "9915", "9918", "9919", "9920", "9922", "9923",
    "9924", "9925", "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933", "9934", "9935",
    "9936", "9937", "9938", "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946", "9947",
    "9948", "9949", "9950", "9951", "9952", "9953", "9957", "9959",
];

/// Whether `code` is in a sorted list.
pub(crate) fn contains(list: &[&str], code: &str) -> bool {
    let wanted = prefix_key(code);
    list.binary_search_by(|entry| {
        prefix_key(entry)
            .cmp(&wanted)
            .then_with(|| entry.cmp(&code))
    })
    .is_ok()
}

/// A sorted code list with its search keys ([`prefix_key`]) worked out at compile time, so a
/// lookup is a binary search over integers in one array. Made by `codes!(LIST)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Codes {
    names: &'static [&'static str],
    keys: &'static [u64],
}

impl Codes {
    pub(crate) const fn new(names: &'static [&'static str], keys: &'static [u64]) -> Codes {
        Codes { names, keys }
    }

    /// Whether `code` is one of the entries.
    pub(crate) fn contains(self, code: &str) -> bool {
        let key = prefix_key(code);
        let start = self.keys.partition_point(|&k| k < key);
        let keys = self.keys.get(start..).unwrap_or(&[]);
        let names = self.names.get(start..).unwrap_or(&[]);
        // Two strings of the same length up to eight bytes with the same key are equal (the
        // key holds all their bytes), so short codes need no string comparison.
        let short = code.len() <= 8;
        keys.iter()
            .zip(names)
            .take_while(|&(&k, _)| k == key)
            .any(|(_, &name)| name.len() == code.len() && (short || name == code))
    }
}

/// The search keys of a sorted list, in its order (non-decreasing, as the list is sorted).
pub(crate) const fn keys<const N: usize>(names: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N && i < names.len() {
        keys[i] = prefix_key(names[i]);
        i += 1;
    }
    keys
}

/// `Codes` for a sorted `&[&str]` constant, its keys computed at compile time.
macro_rules! codes {
    ($list:expr) => {{
        const KEYS: [u64; $list.len()] = $crate::rules::codelists::keys::<{ $list.len() }>($list);
        $crate::rules::codelists::Codes::new($list, &KEYS)
    }};
}
pub(crate) use codes;

/// The first eight bytes of `s`, zero-padded, as a big-endian number: ordered as the strings
/// are (no code holds a NUL byte), so a binary search compares integers and only falls back
/// to the strings for codes longer than eight bytes that share those eight.
#[inline]
const fn prefix_key(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < b.len() {
            key |= b[i] as u64;
        }
        i += 1;
    }
    key
}

/// UBL elements that carry a `currencyID` amount (both rule sets check the same list).
pub(crate) const AMOUNTS: &[Tag] = &[
    Tag::Amount,
    Tag::BaseAmount,
    Tag::PriceAmount,
    Tag::TaxAmount,
    Tag::TaxableAmount,
    Tag::LineExtensionAmount,
    Tag::TaxExclusiveAmount,
    Tag::TaxInclusiveAmount,
    Tag::AllowanceTotalAmount,
    Tag::ChargeTotalAmount,
    Tag::PrepaidAmount,
    Tag::PayableRoundingAmount,
    Tag::PayableAmount,
];

/// A set of tags as a table indexed by tag, for lists tested on every element.
pub(crate) struct TagSet([bool; Tag::COUNT]);

impl TagSet {
    pub(crate) const fn new(tags: &[Tag]) -> TagSet {
        TagSet([false; Tag::COUNT]).with(tags)
    }

    /// This set and `tags`.
    pub(crate) const fn with(self, tags: &[Tag]) -> TagSet {
        let mut table = self.0;
        let mut i = 0;
        while i < tags.len() {
            table[tags[i] as usize] = true;
            i += 1;
        }
        TagSet(table)
    }

    #[inline]
    pub(crate) fn contains(&self, tag: Tag) -> bool {
        self.0.get(tag as usize).copied().unwrap_or(false)
    }
}

/// [`AMOUNTS`] as a table.
pub(crate) const AMOUNT_TAGS: TagSet = TagSet::new(AMOUNTS);

/// A code list lookup that remembers its last answer: a document repeats the same currency
/// and unit codes on every amount and line, so most lookups need no search.
pub(crate) struct Recent<'d> {
    list: Codes,
    last: Option<(&'d str, bool)>,
}

impl<'d> Recent<'d> {
    pub(crate) fn new(list: Codes) -> Recent<'d> {
        Recent { list, last: None }
    }

    /// Whether `code` is one of the entries.
    pub(crate) fn contains(&mut self, code: &'d str) -> bool {
        match self.last {
            Some((last, found)) if last == code => found,
            _ => {
                let found = self.list.contains(code);
                self.last = Some((code, found));
                found
            }
        }
    }
}

/// Attachment MIME codes the rules allow (BR-CL-24, PEPPOL-EN16931-CL001).
pub(crate) const MIME: &[&str] = &[
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
];

/// VAT point date codes (UNCL2005 subset; BR-CL-06, Peppol CL002).
pub(crate) const UNCL2005_SUBSET: &[&str] = &["3", "35", "432"];

/// Subject codes of document notes (UNTDID 4451, as BR-CL-08 restricts them). Sorted.
pub(crate) const UNCL4451: &[&str] = &[
    "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAI", "AAJ", "AAK", "AAL", "AAM", "AAN",
    "AAO", "AAP", "AAQ", "AAR", "AAS", "AAT", "AAU", "AAV", "AAW", "AAX", "AAY", "AAZ", "ABA",
    "ABB", "ABC", "ABD", "ABE", "ABF", "ABG", "ABH", "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN",
    "ABO", "ABP", "ABQ", "ABR", "ABS", "ABT", "ABU", "ABV", "ABW", "ABX", "ABZ", "ACA", "ACB",
    "ACC", "ACD", "ACE", "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACN", "ACO",
    "ACP", "ACQ", "ACR", "ACS", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ", "ADA", "ADB",
    "ADC", "ADD", "ADE", "ADF", "ADG", "ADH", "ADI", "ADJ", "ADK", "ADL", "ADM", "ADN", "ADO",
    "ADP", "ADQ", "ADR", "ADS", "ADT", "ADU", "ADV", "ADW", "ADX", "ADY", "ADZ", "AEA", "AEB",
    "AEC", "AED", "AEE", "AEF", "AEG", "AEH", "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO",
    "AEP", "AEQ", "AER", "AES", "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AFA", "AFB",
    "AFC", "AFD", "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO",
    "AFP", "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ", "AGA", "AGB",
    "AGC", "AGD", "AGE", "AGF", "AGG", "AGH", "AGI", "AGJ", "AGK", "AGL", "AGM", "AGN", "AGO",
    "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV", "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB",
    "AHC", "AHD", "AHE", "AHF", "AHG", "AHH", "AHI", "AHJ", "AHK", "AHL", "AHM", "AHN", "AHO",
    "AHP", "AHQ", "AHR", "AHS", "AHT", "AHU", "AHV", "AHW", "AHX", "AHY", "AHZ", "AIA", "AIB",
    "AIC", "AID", "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN", "AIO",
    "AIP", "AIQ", "AIR", "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY", "AIZ", "AJA", "AJB",
    "ALC", "ALD", "ALE", "ALF", "ALG", "ALH", "ALI", "ALJ", "ALK", "ALL", "ALM", "ALN", "ALO",
    "ALP", "ALQ", "ARR", "ARS", "AUT", "AUU", "AUV", "AUW", "AUX", "AUY", "AUZ", "AVA", "AVB",
    "AVC", "AVD", "AVE", "AVF", "BAG", "BAH", "BAI", "BAJ", "BAK", "BAL", "BAM", "BAN", "BAO",
    "BAP", "BAQ", "BAR", "BAS", "BLC", "BLD", "BLE", "BLF", "BLG", "BLH", "BLI", "BLJ", "BLK",
    "BLL", "BLM", "BLN", "BLO", "BLP", "BLQ", "BLR", "BLS", "BLT", "BLU", "BLV", "BLW", "BLX",
    "BLY", "BLZ", "BMA", "BMB", "BMC", "BMD", "BME", "CCI", "CEX", "CHG", "CIP", "CLP", "CLR",
    "COI", "CUR", "CUS", "DAR", "DCL", "DEL", "DIN", "DOC", "DUT", "EUR", "FBC", "GBL", "GEN",
    "GS7", "HAN", "HAZ", "ICN", "IIN", "IMI", "IND", "INS", "INV", "IRP", "ITR", "ITS", "LAN",
    "LIN", "LOI", "MCO", "MDH", "MKS", "ORI", "OSI", "PAC", "PAI", "PAY", "PKG", "PKT", "PMD",
    "PMT", "PRD", "PRF", "PRI", "PUR", "QIN", "QQD", "QUT", "RAH", "REG", "RET", "REV", "RQR",
    "SAF", "SIC", "SIN", "SLR", "SPA", "SPG", "SPH", "SPP", "SPT", "SRN", "SSR", "SUR", "TCA",
    "TDT", "TRA", "TRR", "TXD", "WHI", "ZZZ",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [ISO3166, ISO4217, UNCL7161, EAS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(contains(ISO4217, "NOK"));
        assert!(codes!(ISO4217).contains("NOK"));
        assert!(!codes!(ISO4217).contains("NO"));
        assert!(!codes!(ISO4217).contains("NOKK"));
        for list in [
            ISO3166,
            ISO4217,
            UNCL7161,
            EAS,
            super::super::cen_codes::UNITS,
        ] {
            let keys: Vec<u64> = list.iter().map(|c| prefix_key(c)).collect();
            assert!(keys.is_sorted(), "keys follow the list order");
            for code in list {
                assert!(contains(list, code), "{code}");
            }
        }
        for code in super::super::cen_codes::UNITS {
            assert!(
                codes!(super::super::cen_codes::UNITS).contains(code),
                "{code}"
            );
        }
        assert!(contains(EAS, "0192"));
        assert!(!contains(ISO3166, "XX"));
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The key-and-length shortcut answers as a plain search of the list does, for
        /// codes of any length, NUL bytes and near misses included.
        #[test]
        fn codes_contains_agrees_with_a_plain_search(
            code in proptest::prop_oneof![
                "[A-Z0-9]{0,10}",
                "[A-Z\\x00]{1,9}",
                proptest::sample::select(super::super::cen_codes::UNITS).prop_map(String::from),
                proptest::sample::select(UNCL7161).prop_map(|c| format!("{c}\\x00")),
            ]
        ) {
            for list in [ISO3166, ISO4217, UNCL7161, EAS, UNCL4451, super::super::cen_codes::UNITS] {
                let plain = list.contains(&code.as_str());
                let keys: &'static [u64] = list.iter().map(|c| prefix_key(c)).collect::<Vec<_>>().leak();
                let fast = Codes::new(list, keys).contains(&code);
                proptest::prop_assert_eq!(fast, plain, "{:?}", code);
            }
        }
    }
}
