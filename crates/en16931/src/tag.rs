//! Element local names as numbers: the reader looks each name up once, and the rules compare
//! [`Tag`]s (integers) instead of strings.
//!
//! The list holds every local name a rule names (the families, the UBL-CR path table, the code
//! list contexts) plus the three document elements. Any other name is [`Tag::Other`]; no rule
//! asks for `Other`, so an unknown element never matches a rule's name. A rule that names an
//! element missing here does not compile (`Tag::Name` does not exist), and the UBL-CR table is
//! checked by a unit test.

macro_rules! tags {
    ($($name:ident)*) => {
        /// A UBL element local name the rules use, or `Other`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u16)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum Tag {
            /// A name no rule uses.
            Other,
            $($name,)*
        }

        /// Names by discriminant (`Other` has none).
        const NAMES: &[&str] = &["", $(stringify!($name),)*];
        /// Tags by discriminant.
        const TAGS: &[Tag] = &[Tag::Other, $(Tag::$name,)*];
    };
}

tags! {
    AccountFormatCode AccountTypeCode AccountingContact AccountingCost AccountingCostCode
    AccountingCustomerParty AccountingSupplierParty ActualDeliveryDate ActualDeliveryTime
    AdditionalAccountID AdditionalDocumentReference AdditionalInformation
    AdditionalItemIdentification AdditionalItemProperty Address AddressFormatCode AddressLine
    AddressTypeCode AgentParty AliasName AllowanceCharge AllowanceChargeReason
    AllowanceChargeReasonCode AllowanceTotalAmount AlternativeDeliveryLocation Amount
    Attachment BarcodeSymbologyID BaseAmount BaseQuantity BaseUnitMeasure BillingReference
    BillingReferenceLine BlockName BrandName BuildingName BuildingNumber BuyerContact
    BuyerCustomerParty BuyerReference BuyersItemIdentification CV2ID CalculationSequenceNumeric
    CardAccount CardChipCode CardTypeCode CargoTypeCode CarrierParty CatalogueDocumentReference
    CatalogueIndicator CatalogueItemIdentification Certificate CharacterSetCode ChargeIndicator
    ChargeTotalAmount ChipApplicationID CityName CitySubdivisionName ClassifiedTaxCategory
    Clause CommodityClassification CommodityCode CompanyID CompanyLegalForm
    CompanyLegalFormCode CompanyLiquidationStatusCode Conditions Contact
    ContractDocumentReference CopyIndicator CorporateRegistrationScheme CorporateStockAmount
    Country CountrySubentity CountrySubentityCode CreditAccount CreditNote
    CreditNoteDocumentReference CreditNoteLine CreditNoteTypeCode CreditedQuantity CurrencyCode
    CustomerAssignedAccountID CustomerReference CustomizationID DataSendingCapability
    DebitNoteDocumentReference Delivery DeliveryAddress DeliveryContact DeliveryLocation
    DeliveryParty DeliveryTerms Department Description DescriptionCode Despatch DespatchContact
    DespatchDocumentReference DespatchLineReference Dimension District DocumentCurrencyCode
    DocumentDescription DocumentHash DocumentReference DocumentStatusCode DocumentType
    DocumentTypeCode DueDate DurationMeasure ElectronicMail EmbeddedDocumentBinaryObject
    EncodingCode EndDate EndTime EndpointID EstimatedDeliveryPeriod ExchangeRate
    ExemptionReason ExemptionReasonCode ExpiryDate ExpiryTime ExtendedID ExternalReference
    FileName FinancialAccount FinancialInstitution FinancialInstitutionBranch Floor FormatCode
    FreeOfChargeIndicator FullyPaidSharesIndicator HashAlgorithmMethod HazardousItem
    HazardousRiskIndicator HeadOfficeParty ID IdentificationCode ImportanceCode
    IndustryClassificationCode InformationContentProviderParty InformationURI InhouseMail
    InstallmentDueDate InstructionID InstructionNote Invoice InvoiceDocumentReference
    InvoiceLine InvoicePeriod InvoiceTypeCode InvoicedQuantity InvoicingPartyReference
    IssueDate IssueNumberID IssueTime IssuerID IssuerParty Item ItemClassificationCode
    ItemInstance ItemPriceExtension ItemPropertyGroup ItemPropertyRange
    ItemSpecificationDocumentReference JurisdictionRegionAddress Keyword Language LanguageID
    LatestDeliveryDate LatestDeliveryTime LegalMonetaryTotal LineCountNumeric
    LineExtensionAmount LineID LineStatusCode ListValue LocaleCode LocationCoordinate
    LocationTypeCode LogoReferenceID MandateTypeCode ManufacturerParty
    ManufacturersItemIdentification MarkAttention MarkAttentionIndicator MarkCare
    MarkCareIndicator MaximumDeliveryUnit MaximumPaidAmount MaximumPaymentInstructionsNumeric
    MaximumQuantity MeasurementDimension MimeCode MinimumDeliveryUnit MinimumQuantity ModelName
    MultiplierFactorNumeric Name NameCode NatureCode NetworkID Note NotifyParty
    OrderLineReference OrderReference OrderTypeCode OrderableUnitFactorRate OriginAddress
    OriginCountry OriginatorDocumentReference OriginatorParty OtherCommunication PackQuantity
    PackSizeNumeric Party PartyIdentification PartyLegalEntity PartyName PartyTaxScheme
    PayableAlternativeAmount PayableAmount PayableRoundingAmount PayeeFinancialAccount
    PayeeParty PayerFinancialAccount PayerParty PaymentAlternativeCurrencyCode
    PaymentAlternativeExchangeRate PaymentChannelCode PaymentCurrencyCode PaymentDueDate
    PaymentExchangeRate PaymentID PaymentMandate PaymentMeans PaymentMeansCode PaymentMeansID
    PaymentNote PaymentPercent PaymentPurposeCode PaymentReversalPeriod PaymentTerms
    PaymentTermsDetailsURI PenaltyAmount PenaltyPeriod PenaltySurchargePercent PerUnitAmount
    Percent Person PhysicalAttribute PhysicalLocation PlotIdentification PostalAddress
    PostalZone Postbox PowerOfAttorney PrepaidAmount PrepaidIndicator PrepaidPayment
    PrepaidPaymentReferenceID Price PriceAmount PriceChangeReason PriceList PriceType
    PriceTypeCode PricingCurrencyCode PricingExchangeRate PricingReference PrimaryAccountNumber
    PrimaryAccountNumberID ProfileExecutionID ProfileID ProjectReference Quantity
    RangeDimension ReceiptDocumentReference ReceiptLineReference ReferenceEventCode Region
    RegistrationAddress RegistrationDate RegistrationExpirationDate RegistrationName ReleaseID
    ReminderDocumentReference RequestedDeliveryPeriod ResultOfVerification Room RoundingAmount
    SalesOrderID SalesOrderLineID SelfBilledCreditNoteDocumentReference
    SelfBilledInvoiceDocumentReference SellerContact SellerSupplierParty
    SellersItemIdentification SequenceNumeric ServiceProviderParty SettlementDiscountAmount
    SettlementDiscountPercent SettlementPeriod ShareholderParty Shipment Signature SignatureID
    SoleProprietorshipIndicator StandardBusinessDocument StandardItemIdentification StartDate
    StartTime StatementDocumentReference StreetName SubInvoiceLine SubsidiaryLocation
    SupplierAssignedAccountID TaxAmount TaxCategory TaxCurrencyCode TaxEvidenceIndicator
    TaxExchangeRate TaxExclusiveAmount TaxExemptionReason TaxExemptionReasonCode
    TaxIncludedIndicator TaxInclusiveAmount TaxLevelCode TaxPointDate TaxRepresentativeParty
    TaxScheme TaxSubtotal TaxTotal TaxTypeCode TaxableAmount Telefax Telephone TestMethod
    TierRange TierRatePercent TimezoneOffset TrackingID TradeFinancing TransactionConditions
    TransactionCurrencyTaxAmount UBLExtensions UBLVersionID URI UUID UsabilityPeriod
    ValidityPeriod ValidityStartDate Value ValueQualifier ValueQuantity VersionID WebsiteURI
    WithholdingTaxTotal WorkPhaseReference XPath
}

/// log2 of the lookup table size: about six slots per name, so a lookup is one probe or two.
const BITS: u32 = 11;
const SLOTS: usize = 1 << BITS;

/// Open-addressing table: slot -> index into `NAMES` (0 = empty), built at compile time.
const TABLE: [u16; SLOTS] = build();

const fn build() -> [u16; SLOTS] {
    let mut table = [0u16; SLOTS];
    let mut index = 1;
    while index < NAMES.len() {
        let mut slot = hash(NAMES[index].as_bytes());
        while table[slot] != 0 {
            slot = (slot + 1) & (SLOTS - 1);
        }
        table[slot] = index as u16;
        index += 1;
    }
    table
}

/// The two words a name is hashed and first compared by: its first eight bytes (little
/// endian) and its last eight bytes read backwards, overlapping when the name is shorter than
/// sixteen bytes, zero-padded when it is shorter than eight.
const fn key(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let (mut head, mut tail) = (0u64, 0u64);
    let mut i = 0;
    while i < 8 && i < n {
        head |= (b[i] as u64) << (8 * i);
        tail |= (b[n - 1 - i] as u64) << (8 * i);
        i += 1;
    }
    (head, tail)
}

/// Hash of a name from its length and its [`key`].
const fn hash(b: &[u8]) -> usize {
    let (head, tail) = key(b);
    mix(head, tail, b.len())
}

const fn mix(head: u64, tail: u64, n: usize) -> usize {
    let h = (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ tail.rotate_left(31) ^ n as u64)
        .wrapping_mul(0xD6E8_FEB8_6659_FD93);
    (h >> (64 - BITS)) as usize
}

/// [`key`] by word loads: two for names of eight bytes or more (most UBL names), one masked
/// load for shorter names when `padded` has eight bytes from the start of the name (`padded`
/// starts with the name and may go on past it).
#[inline]
fn key_fast(b: &[u8], padded: &[u8]) -> (u64, u64) {
    let n = b.len();
    if let (Some(first), Some(last)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        return (u64::from_le_bytes(*first), u64::from_be_bytes(*last));
    }
    if n > 0
        && let Some(word) = padded.first_chunk::<8>()
    {
        // The name's bytes, then zeros; backwards, the same bytes from the top down.
        let head = u64::from_le_bytes(*word) & (u64::MAX >> (8 * (8 - n)));
        return (head, head.swap_bytes() >> (8 * (8 - n)));
    }
    key(b)
}

/// The [`key`] of every name, and its length: a lookup compares these, and the bytes between
/// the two words only for names over sixteen bytes.
const KEYS: [(u64, u64, usize); Tag::COUNT] = {
    let mut out = [(0u64, 0u64, 0usize); Tag::COUNT];
    let mut index = 1;
    while index < NAMES.len() {
        let b = NAMES[index].as_bytes();
        let (head, tail) = key(b);
        out[index] = (head, tail, b.len());
        index += 1;
    }
    out
};

/// Byte equality by words for names (a few to a few dozen bytes), cheaper than a call to
/// `memcmp` at these lengths.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .and_then(<[u8]>::first_chunk::<8>)
            .map(|chunk| u64::from_le_bytes(*chunk))
    };
    if a.len() < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let mut at = 0;
    while at + 8 < a.len() {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    // The last eight bytes, overlapping what was compared.
    word(a, a.len() - 8) == word(b, b.len() - 8)
}

impl Tag {
    /// How many tags there are (`Other` included): tags index tables of this length.
    pub const COUNT: usize = NAMES.len();

    /// The tag of a local name (`Other` when no rule uses it).
    #[inline]
    pub fn of(name: &str) -> Tag {
        Tag::lookup(name.as_bytes(), name.as_bytes())
    }

    /// [`Tag::of`] for the name at the start of `padded` (the reader's input from the name
    /// on), `len` bytes long: short names are read with one word load.
    #[inline]
    pub(crate) fn of_padded(padded: &[u8], len: usize) -> Tag {
        Tag::lookup(padded.get(..len).unwrap_or(b""), padded)
    }

    #[inline]
    fn lookup(b: &[u8], padded: &[u8]) -> Tag {
        let n = b.len();
        let (head, tail) = key_fast(b, padded);
        let mut slot = mix(head, tail, n);
        loop {
            let index = TABLE[slot] as usize;
            if index == 0 {
                return Tag::Other;
            }
            if KEYS.get(index) == Some(&(head, tail, n))
                && (n <= 16
                    || NAMES
                        .get(index)
                        .is_some_and(|name| same_bytes(name.as_bytes(), b)))
            {
                return TAGS.get(index).copied().unwrap_or(Tag::Other);
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// The local name (empty for `Other`).
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }

    /// Per tag: whether its name ends with `suffix` (never for `Other`, which has no name),
    /// worked out at compile time for rules that judge elements by the end of their name.
    pub(crate) const fn ending_with(suffix: &str) -> [bool; Tag::COUNT] {
        let suffix = suffix.as_bytes();
        let mut out = [false; Tag::COUNT];
        let mut index = 1;
        while index < NAMES.len() {
            let name = NAMES[index].as_bytes();
            if name.len() >= suffix.len() {
                let skip = name.len() - suffix.len();
                let mut i = 0;
                while i < suffix.len() && name[skip + i] == suffix[i] {
                    i += 1;
                }
                out[index] = i == suffix.len();
            }
            index += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips() {
        for (index, name) in NAMES.iter().enumerate().skip(1) {
            let b = name.as_bytes();
            assert_eq!(key_fast(b, b), key(b), "{name}");
            let padded = format!("{name}>more bytes");
            assert_eq!(key_fast(b, padded.as_bytes()), key(b), "{name}");
            assert_eq!(
                Tag::of_padded(padded.as_bytes(), b.len()) as usize,
                index,
                "{name}"
            );
            let tag = Tag::of(name);
            assert_eq!(tag as usize, index, "{name}");
            assert_eq!(tag.name(), *name);
        }
    }

    #[test]
    fn name_endings_agree_with_the_names() {
        for suffix in ["Amount", "PriceAmount", "BinaryObject", "ID", "x", ""] {
            let table = Tag::ending_with(suffix);
            for (index, name) in NAMES.iter().enumerate() {
                assert_eq!(
                    table[index],
                    index > 0 && name.ends_with(suffix),
                    "{name} {suffix}"
                );
            }
        }
    }

    #[test]
    fn unknown_names_are_other() {
        for name in [
            "",
            "X",
            "IDDx",
            "Invoic",
            "InvoiceX",
            "invoice",
            "IDs",
            "PartyTaxSchemes",
            "é",
        ] {
            assert_eq!(Tag::of(name), Tag::Other, "{name}");
            let padded = format!("{name}Dx>rest of the input");
            assert_eq!(
                Tag::of_padded(padded.as_bytes(), name.len()),
                Tag::Other,
                "{name}"
            );
        }
    }
}
