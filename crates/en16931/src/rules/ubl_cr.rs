//! UBL-CR-*: UBL elements and attributes that EN16931 does not use. The official rule set
//! flags each as a warning ("should not be included"), except an invoiced object reference
//! (document type code 130) that carries an attachment or a description (fatal).
//!
//! Every one of these rules has the document element as its context, so each fires at most once
//! per document, however many offending elements there are. The forbidden paths live in one
//! table, compiled once into a trie of element names for the paths from the document element,
//! plus a short list of paths that may start anywhere (`//`); one walk over the tree finds
//! every rule that applies.

use std::sync::LazyLock;

use super::{Ctx, Flag, RuleInfo};
use crate::doc::{Attr, Doc, NodeId, Ns, Tag};

macro_rules! forbidden {
    ($($id:literal $flag:ident $path:literal;)*) => {
        /// The table rules: one forbidden path each (XPath as the official test writes it).
        pub(super) const RULES: &[RuleInfo] = &[$(
            RuleInfo {
                id: $id,
                flag: Flag::$flag,
                description: concat!("Not used by EN16931 and should be left out: ", $path, "."),
            },
        )*];
        const PATHS: &[(&str, &str)] = &[$(($id, $path),)*];
    };
}

/// Rules whose test is more than a forbidden path.
pub(super) const SPECIAL_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "UBL-CR-002",
        flag: Flag::Warning,
        description: "The UBL version, when given, should be 2.1.",
    },
    RuleInfo {
        id: "UBL-CR-412",
        flag: Flag::Warning,
        description: "An invoice should not give a payment due date inside the payment means (BT-9 is cbc:DueDate).",
    },
    RuleInfo {
        id: "UBL-CR-665",
        flag: Flag::Warning,
        description: "Only an invoiced object reference (type 130) should give its identifier a scheme.",
    },
    RuleInfo {
        id: "UBL-CR-666",
        flag: Flag::Fatal,
        description: "An invoiced object reference (type 130) must not carry an attachment.",
    },
    RuleInfo {
        id: "UBL-CR-673",
        flag: Flag::Fatal,
        description: "An invoiced object reference (type 130) must not carry a description.",
    },
];

forbidden! {
    "UBL-CR-001" Warning "ext:UBLExtensions";
    "UBL-CR-003" Warning "cbc:ProfileExecutionID";
    "UBL-CR-004" Warning "cbc:CopyIndicator";
    "UBL-CR-005" Warning "cbc:UUID";
    "UBL-CR-006" Warning "cbc:IssueTime";
    "UBL-CR-007" Warning "cbc:PricingCurrencyCode";
    "UBL-CR-008" Warning "cbc:PaymentCurrencyCode";
    "UBL-CR-009" Warning "cbc:PaymentAlternativeCurrencyCode";
    "UBL-CR-010" Warning "cbc:AccountingCostCode";
    "UBL-CR-011" Warning "cbc:LineCountNumeric";
    "UBL-CR-012" Warning "cac:InvoicePeriod/cbc:StartTime";
    "UBL-CR-013" Warning "cac:InvoicePeriod/cbc:EndTime";
    "UBL-CR-014" Warning "cac:InvoicePeriod/cbc:DurationMeasure";
    "UBL-CR-015" Warning "cac:InvoicePeriod/cbc:Description";
    "UBL-CR-016" Warning "cac:OrderReference/cbc:CopyIndicator";
    "UBL-CR-017" Warning "cac:OrderReference/cbc:UUID";
    "UBL-CR-018" Warning "cac:OrderReference/cbc:IssueDate";
    "UBL-CR-019" Warning "cac:OrderReference/cbc:IssueTime";
    "UBL-CR-020" Warning "cac:OrderReference/cbc:CustomerReference";
    "UBL-CR-021" Warning "cac:OrderReference/cbc:OrderTypeCode";
    "UBL-CR-022" Warning "cac:OrderReference/cac:DocumentReference";
    "UBL-CR-023" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:CopyIndicator";
    "UBL-CR-024" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:UUID";
    "UBL-CR-025" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueTime";
    "UBL-CR-026" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode";
    "UBL-CR-027" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentType";
    "UBL-CR-028" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:XPath";
    "UBL-CR-029" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LanguageID";
    "UBL-CR-030" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LocaleCode";
    "UBL-CR-031" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:VersionID";
    "UBL-CR-032" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-033" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentDescription";
    "UBL-CR-034" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cac:Attachment";
    "UBL-CR-035" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cac:ValidityPeriod";
    "UBL-CR-036" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cac:IssuerParty";
    "UBL-CR-037" Warning "cac:BillingReference/cac:InvoiceDocumentReference/cac:ResultOfVerification";
    "UBL-CR-038" Warning "cac:BillingReference/cac:SelfBilledInvoiceDocumentReference";
    "UBL-CR-039" Warning "cac:BillingReference/cac:CreditNoteDocumentReference";
    "UBL-CR-040" Warning "cac:BillingReference/cac:SelfBilledCreditNoteDocumentReference";
    "UBL-CR-041" Warning "cac:BillingReference/cac:DebitNoteDocumentReference";
    "UBL-CR-042" Warning "cac:BillingReference/cac:ReminderDocumentReference";
    "UBL-CR-043" Warning "cac:BillingReference/cac:AdditionalDocumentReference";
    "UBL-CR-044" Warning "cac:BillingReference/cac:BillingReferenceLine";
    "UBL-CR-045" Warning "cac:DespatchDocumentReference/cbc:CopyIndicator";
    "UBL-CR-046" Warning "cac:DespatchDocumentReference/cbc:UUID";
    "UBL-CR-047" Warning "cac:DespatchDocumentReference/cbc:IssueDate";
    "UBL-CR-048" Warning "cac:DespatchDocumentReference/cbc:IssueTime";
    "UBL-CR-049" Warning "cac:DespatchDocumentReference/cbc:DocumentTypeCode";
    "UBL-CR-050" Warning "cac:DespatchDocumentReference/cbc:DocumentType";
    "UBL-CR-051" Warning "cac:DespatchDocumentReference/cbc:XPath";
    "UBL-CR-052" Warning "cac:DespatchDocumentReference/cbc:LanguageID";
    "UBL-CR-053" Warning "cac:DespatchDocumentReference/cbc:LocaleCode";
    "UBL-CR-054" Warning "cac:DespatchDocumentReference/cbc:VersionID";
    "UBL-CR-055" Warning "cac:DespatchDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-056" Warning "cac:DespatchDocumentReference/cbc:DocumentDescription";
    "UBL-CR-057" Warning "cac:DespatchDocumentReference/cac:Attachment";
    "UBL-CR-058" Warning "cac:DespatchDocumentReference/cac:ValidityPeriod";
    "UBL-CR-059" Warning "cac:DespatchDocumentReference/cac:IssuerParty";
    "UBL-CR-060" Warning "cac:DespatchDocumentReference/cac:ResultOfVerification";
    "UBL-CR-061" Warning "cac:ReceiptDocumentReference/cbc:CopyIndicator";
    "UBL-CR-062" Warning "cac:ReceiptDocumentReference/cbc:UUID";
    "UBL-CR-063" Warning "cac:ReceiptDocumentReference/cbc:IssueDate";
    "UBL-CR-064" Warning "cac:ReceiptDocumentReference/cbc:IssueTime";
    "UBL-CR-065" Warning "cac:ReceiptDocumentReference/cbc:DocumentTypeCode";
    "UBL-CR-066" Warning "cac:ReceiptDocumentReference/cbc:DocumentType";
    "UBL-CR-067" Warning "cac:ReceiptDocumentReference/cbc:XPath";
    "UBL-CR-068" Warning "cac:ReceiptDocumentReference/cbc:LanguageID";
    "UBL-CR-069" Warning "cac:ReceiptDocumentReference/cbc:LocaleCode";
    "UBL-CR-070" Warning "cac:ReceiptDocumentReference/cbc:VersionID";
    "UBL-CR-071" Warning "cac:ReceiptDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-072" Warning "cac:ReceiptDocumentReference/cbc:DocumentDescription";
    "UBL-CR-073" Warning "cac:ReceiptDocumentReference/cac:Attachment";
    "UBL-CR-074" Warning "cac:ReceiptDocumentReference/cac:ValidityPeriod";
    "UBL-CR-075" Warning "cac:ReceiptDocumentReference/cac:IssuerParty";
    "UBL-CR-076" Warning "cac:ReceiptDocumentReference/cac:ResultOfVerification";
    "UBL-CR-077" Warning "cac:StatementDocumentReference";
    "UBL-CR-078" Warning "cac:OriginatorDocumentReference/cbc:CopyIndicator";
    "UBL-CR-079" Warning "cac:OriginatorDocumentReference/cbc:UUID";
    "UBL-CR-080" Warning "cac:OriginatorDocumentReference/cbc:IssueDate";
    "UBL-CR-081" Warning "cac:OriginatorDocumentReference/cbc:IssueTime";
    "UBL-CR-082" Warning "cac:OriginatorDocumentReference/cbc:DocumentTypeCode";
    "UBL-CR-083" Warning "cac:OriginatorDocumentReference/cbc:DocumentType";
    "UBL-CR-084" Warning "cac:OriginatorDocumentReference/cbc:XPath";
    "UBL-CR-085" Warning "cac:OriginatorDocumentReference/cbc:LanguageID";
    "UBL-CR-086" Warning "cac:OriginatorDocumentReference/cbc:LocaleCode";
    "UBL-CR-087" Warning "cac:OriginatorDocumentReference/cbc:VersionID";
    "UBL-CR-088" Warning "cac:OriginatorDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-089" Warning "cac:OriginatorDocumentReference/cbc:DocumentDescription";
    "UBL-CR-090" Warning "cac:OriginatorDocumentReference/cac:Attachment";
    "UBL-CR-091" Warning "cac:OriginatorDocumentReference/cac:ValidityPeriod";
    "UBL-CR-092" Warning "cac:OriginatorDocumentReference/cac:IssuerParty";
    "UBL-CR-093" Warning "cac:OriginatorDocumentReference/cac:ResultOfVerification";
    "UBL-CR-094" Warning "cac:ContractDocumentReference/cbc:CopyIndicator";
    "UBL-CR-095" Warning "cac:ContractDocumentReference/cbc:UUID";
    "UBL-CR-096" Warning "cac:ContractDocumentReference/cbc:IssueDate";
    "UBL-CR-097" Warning "cac:ContractDocumentReference/cbc:IssueTime";
    "UBL-CR-098" Warning "cac:ContractDocumentReference/cbc:DocumentTypeCode";
    "UBL-CR-099" Warning "cac:ContractDocumentReference/cbc:DocumentType";
    "UBL-CR-100" Warning "cac:ContractDocumentReference/cbc:XPath";
    "UBL-CR-101" Warning "cac:ContractDocumentReference/cbc:LanguageID";
    "UBL-CR-102" Warning "cac:ContractDocumentReference/cbc:LocaleCode";
    "UBL-CR-103" Warning "cac:ContractDocumentReference/cbc:VersionID";
    "UBL-CR-104" Warning "cac:ContractDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-105" Warning "cac:ContractDocumentReference/cbc:DocumentDescription";
    "UBL-CR-106" Warning "cac:ContractDocumentReference/cac:Attachment";
    "UBL-CR-107" Warning "cac:ContractDocumentReference/cac:ValidityPeriod";
    "UBL-CR-108" Warning "cac:ContractDocumentReference/cac:IssuerParty";
    "UBL-CR-109" Warning "cac:ContractDocumentReference/cac:ResultOfVerification";
    "UBL-CR-110" Warning "cac:AdditionalDocumentReference/cbc:CopyIndicator";
    "UBL-CR-111" Warning "cac:AdditionalDocumentReference/cbc:UUID";
    "UBL-CR-112" Warning "cac:AdditionalDocumentReference/cbc:IssueDate";
    "UBL-CR-113" Warning "cac:AdditionalDocumentReference/cbc:IssueTime";
    "UBL-CR-114" Warning "cac:AdditionalDocumentReference/cbc:DocumentType";
    "UBL-CR-115" Warning "cac:AdditionalDocumentReference/cbc:XPath";
    "UBL-CR-116" Warning "cac:AdditionalDocumentReference/cbc:LanguageID";
    "UBL-CR-117" Warning "cac:AdditionalDocumentReference/cbc:LocaleCode";
    "UBL-CR-118" Warning "cac:AdditionalDocumentReference/cbc:VersionID";
    "UBL-CR-119" Warning "cac:AdditionalDocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-121" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:DocumentHash";
    "UBL-CR-122" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:HashAlgorithmMethod";
    "UBL-CR-123" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryDate";
    "UBL-CR-124" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryTime";
    "UBL-CR-125" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:MimeCode";
    "UBL-CR-126" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FormatCode";
    "UBL-CR-127" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:EncodingCode";
    "UBL-CR-128" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:CharacterSetCode";
    "UBL-CR-129" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FileName";
    "UBL-CR-130" Warning "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:Description";
    "UBL-CR-131" Warning "cac:AdditionalDocumentReference/cac:ValidityPeriod";
    "UBL-CR-132" Warning "cac:AdditionalDocumentReference/cac:IssuerParty";
    "UBL-CR-133" Warning "cac:AdditionalDocumentReference/cac:ResultOfVerification";
    "UBL-CR-134" Warning "cac:ProjectReference/cbc:UUID";
    "UBL-CR-135" Warning "cac:ProjectReference/cbc:IssueDate";
    "UBL-CR-136" Warning "cac:ProjectReference/cac:WorkPhaseReference";
    "UBL-CR-137" Warning "cac:Signature";
    "UBL-CR-138" Warning "cac:AccountingSupplierParty/cbc:CustomerAssignedAccountID";
    "UBL-CR-139" Warning "cac:AccountingSupplierParty/cbc:AdditionalAccountID";
    "UBL-CR-140" Warning "cac:AccountingSupplierParty/cbc:DataSendingCapability";
    "UBL-CR-141" Warning "cac:AccountingSupplierParty/cac:Party/cbc:MarkCareIndicator";
    "UBL-CR-142" Warning "cac:AccountingSupplierParty/cac:Party/cbc:MarkAttentionIndicator";
    "UBL-CR-143" Warning "cac:AccountingSupplierParty/cac:Party/cbc:WebsiteURI";
    "UBL-CR-144" Warning "cac:AccountingSupplierParty/cac:Party/cbc:LogoReferenceID";
    "UBL-CR-145" Warning "cac:AccountingSupplierParty/cac:Party/cbc:IndustryClassificationCode";
    "UBL-CR-146" Warning "cac:AccountingSupplierParty/cac:Party/cac:Language";
    "UBL-CR-147" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:ID";
    "UBL-CR-148" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode";
    "UBL-CR-149" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode";
    "UBL-CR-150" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Postbox";
    "UBL-CR-151" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Floor";
    "UBL-CR-152" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Room";
    "UBL-CR-153" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BlockName";
    "UBL-CR-154" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingName";
    "UBL-CR-155" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber";
    "UBL-CR-156" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:InhouseMail";
    "UBL-CR-157" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Department";
    "UBL-CR-158" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkAttention";
    "UBL-CR-159" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkCare";
    "UBL-CR-160" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification";
    "UBL-CR-161" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName";
    "UBL-CR-162" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode";
    "UBL-CR-163" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Region";
    "UBL-CR-164" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:District";
    "UBL-CR-165" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset";
    "UBL-CR-166" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name";
    "UBL-CR-167" Warning "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate";
    "UBL-CR-168" Warning "cac:AccountingSupplierParty/cac:Party/cac:PhysicalLocation";
    "UBL-CR-169" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName";
    "UBL-CR-170" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode";
    "UBL-CR-171" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode";
    "UBL-CR-172" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason";
    "UBL-CR-173" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress";
    "UBL-CR-174" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name";
    "UBL-CR-175" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-176" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-177" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-178" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate";
    "UBL-CR-179" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate";
    "UBL-CR-180" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode";
    "UBL-CR-181" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator";
    "UBL-CR-182" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode";
    "UBL-CR-183" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount";
    "UBL-CR-184" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator";
    "UBL-CR-185" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress";
    "UBL-CR-186" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme";
    "UBL-CR-187" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty";
    "UBL-CR-188" Warning "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty";
    "UBL-CR-189" Warning "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:ID";
    "UBL-CR-190" Warning "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Telefax";
    "UBL-CR-191" Warning "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Note";
    "UBL-CR-192" Warning "cac:AccountingSupplierParty/cac:Party/cac:Contact/cac:OtherCommunication";
    "UBL-CR-193" Warning "cac:AccountingSupplierParty/cac:Party/cac:Person";
    "UBL-CR-194" Warning "cac:AccountingSupplierParty/cac:Party/cac:AgentParty";
    "UBL-CR-195" Warning "cac:AccountingSupplierParty/cac:Party/cac:ServiceProviderParty";
    "UBL-CR-196" Warning "cac:AccountingSupplierParty/cac:Party/cac:PowerOfAttorney";
    "UBL-CR-197" Warning "cac:AccountingSupplierParty/cac:Party/cac:FinancialAccount";
    "UBL-CR-198" Warning "cac:AccountingSupplierParty/cac:DespatchContact";
    "UBL-CR-199" Warning "cac:AccountingSupplierParty/cac:AccountingContact";
    "UBL-CR-200" Warning "cac:AccountingSupplierParty/cac:SellerContact";
    "UBL-CR-201" Warning "cac:AccountingCustomerParty/cbc:CustomerAssignedAccountID";
    "UBL-CR-202" Warning "cac:AccountingCustomerParty/cbc:SupplierAssignedAccountID";
    "UBL-CR-203" Warning "cac:AccountingCustomerParty/cbc:AdditionalAccountID";
    "UBL-CR-204" Warning "cac:AccountingCustomerParty/cac:Party/cbc:MarkCareIndicator";
    "UBL-CR-205" Warning "cac:AccountingCustomerParty/cac:Party/cbc:MarkAttentionIndicator";
    "UBL-CR-206" Warning "cac:AccountingCustomerParty/cac:Party/cbc:WebsiteURI";
    "UBL-CR-207" Warning "cac:AccountingCustomerParty/cac:Party/cbc:LogoReferenceID";
    "UBL-CR-208" Warning "cac:AccountingCustomerParty/cac:Party/cbc:IndustryClassificationCode";
    "UBL-CR-209" Warning "cac:AccountingCustomerParty/cac:Party/cac:Language";
    "UBL-CR-210" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:ID";
    "UBL-CR-211" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode";
    "UBL-CR-212" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode";
    "UBL-CR-213" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Postbox";
    "UBL-CR-214" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Floor";
    "UBL-CR-215" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Room";
    "UBL-CR-216" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BlockName";
    "UBL-CR-217" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingName";
    "UBL-CR-218" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber";
    "UBL-CR-219" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:InhouseMail";
    "UBL-CR-220" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Department";
    "UBL-CR-221" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkAttention";
    "UBL-CR-222" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkCare";
    "UBL-CR-223" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification";
    "UBL-CR-224" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName";
    "UBL-CR-225" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode";
    "UBL-CR-226" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Region";
    "UBL-CR-227" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:District";
    "UBL-CR-228" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset";
    "UBL-CR-229" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name";
    "UBL-CR-230" Warning "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate";
    "UBL-CR-231" Warning "cac:AccountingCustomerParty/cac:Party/cac:PhysicalLocation";
    "UBL-CR-232" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName";
    "UBL-CR-233" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode";
    "UBL-CR-234" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode";
    "UBL-CR-235" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason";
    "UBL-CR-236" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress";
    "UBL-CR-237" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name";
    "UBL-CR-238" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-239" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-240" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-241" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate";
    "UBL-CR-242" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate";
    "UBL-CR-243" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode";
    "UBL-CR-244" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm";
    "UBL-CR-245" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator";
    "UBL-CR-246" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode";
    "UBL-CR-247" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount";
    "UBL-CR-248" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator";
    "UBL-CR-249" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress";
    "UBL-CR-250" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme";
    "UBL-CR-251" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty";
    "UBL-CR-252" Warning "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty";
    "UBL-CR-253" Warning "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID";
    "UBL-CR-254" Warning "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Telefax";
    "UBL-CR-255" Warning "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Note";
    "UBL-CR-256" Warning "cac:AccountingCustomerParty/cac:Party/cac:Contact/cac:OtherCommunication";
    "UBL-CR-257" Warning "cac:AccountingCustomerParty/cac:Party/cac:Person";
    "UBL-CR-258" Warning "cac:AccountingCustomerParty/cac:Party/cac:AgentParty";
    "UBL-CR-259" Warning "cac:AccountingCustomerParty/cac:Party/cac:ServiceProviderParty";
    "UBL-CR-260" Warning "cac:AccountingCustomerParty/cac:Party/cac:PowerOfAttorney";
    "UBL-CR-261" Warning "cac:AccountingCustomerParty/cac:Party/cac:FinancialAccount";
    "UBL-CR-262" Warning "cac:AccountingCustomerParty/cac:DeliveryContact";
    "UBL-CR-263" Warning "cac:AccountingCustomerParty/cac:AccountingContact";
    "UBL-CR-264" Warning "cac:AccountingCustomerParty/cac:BuyerContact";
    "UBL-CR-265" Warning "cac:PayeeParty/cbc:MarkCareIndicator";
    "UBL-CR-266" Warning "cac:PayeeParty/cbc:MarkAttentionIndicator";
    "UBL-CR-267" Warning "cac:PayeeParty/cbc:WebsiteURI";
    "UBL-CR-268" Warning "cac:PayeeParty/cbc:LogoReferenceID";
    "UBL-CR-269" Warning "cac:PayeeParty/cbc:EndpointID";
    "UBL-CR-270" Warning "cac:PayeeParty/cbc:IndustryClassificationCode";
    "UBL-CR-271" Warning "cac:PayeeParty/cac:Language";
    "UBL-CR-272" Warning "cac:PayeeParty/cac:PostalAddress";
    "UBL-CR-273" Warning "cac:PayeeParty/cac:PhysicalLocation";
    "UBL-CR-274" Warning "cac:PayeeParty/cac:PartyTaxScheme";
    "UBL-CR-275" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationName";
    "UBL-CR-276" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationDate";
    "UBL-CR-277" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationExpirationDate";
    "UBL-CR-278" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalFormCode";
    "UBL-CR-279" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalForm";
    "UBL-CR-280" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator";
    "UBL-CR-281" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode";
    "UBL-CR-282" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:CorporateStockAmount";
    "UBL-CR-283" Warning "cac:PayeeParty/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator";
    "UBL-CR-284" Warning "cac:PayeeParty/cac:PartyLegalEntity/cac:RegistrationAddress";
    "UBL-CR-285" Warning "cac:PayeeParty/cac:PartyLegalEntity/cac:CorporateRegistrationScheme";
    "UBL-CR-286" Warning "cac:PayeeParty/cac:PartyLegalEntity/cac:HeadOfficeParty";
    "UBL-CR-287" Warning "cac:PayeeParty/cac:PartyLegalEntity/cac:ShareholderParty";
    "UBL-CR-288" Warning "cac:PayeeParty/cac:Contact";
    "UBL-CR-289" Warning "cac:PayeeParty/cac:Person";
    "UBL-CR-290" Warning "cac:PayeeParty/cac:AgentParty";
    "UBL-CR-291" Warning "cac:PayeeParty/cac:ServiceProviderParty";
    "UBL-CR-292" Warning "cac:PayeeParty/cac:PowerOfAttorney";
    "UBL-CR-293" Warning "cac:PayeeParty/cac:FinancialAccount";
    "UBL-CR-294" Warning "cac:BuyerCustomerParty";
    "UBL-CR-295" Warning "cac:SellerSupplierParty";
    "UBL-CR-296" Warning "cac:TaxRepresentativeParty/cbc:MarkCareIndicator";
    "UBL-CR-297" Warning "cac:TaxRepresentativeParty/cbc:MarkAttentionIndicator";
    "UBL-CR-298" Warning "cac:TaxRepresentativeParty/cbc:WebsiteURI";
    "UBL-CR-299" Warning "cac:TaxRepresentativeParty/cbc:LogoReferenceID";
    "UBL-CR-300" Warning "cac:TaxRepresentativeParty/cbc:EndpointID";
    "UBL-CR-301" Warning "cac:TaxRepresentativeParty/cbc:IndustryClassificationCode";
    "UBL-CR-302" Warning "cac:TaxRepresentativeParty/cac:PartyIdentification";
    "UBL-CR-303" Warning "cac:TaxRepresentativeParty/cac:Language";
    "UBL-CR-304" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:ID";
    "UBL-CR-305" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressTypeCode";
    "UBL-CR-306" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressFormatCode";
    "UBL-CR-307" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Postbox";
    "UBL-CR-308" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Floor";
    "UBL-CR-309" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Room";
    "UBL-CR-310" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BlockName";
    "UBL-CR-311" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingName";
    "UBL-CR-312" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingNumber";
    "UBL-CR-313" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:InhouseMail";
    "UBL-CR-314" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Department";
    "UBL-CR-315" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkAttention";
    "UBL-CR-316" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkCare";
    "UBL-CR-317" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:PlotIdentification";
    "UBL-CR-318" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CitySubdivisionName";
    "UBL-CR-319" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CountrySubentityCode";
    "UBL-CR-320" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Region";
    "UBL-CR-321" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:District";
    "UBL-CR-322" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:TimezoneOffset";
    "UBL-CR-323" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cac:Country/cbc:Name";
    "UBL-CR-324" Warning "cac:TaxRepresentativeParty/cac:PostalAddress/cac:LocationCoordinate";
    "UBL-CR-325" Warning "cac:TaxRepresentativeParty/cac:PhysicalLocation";
    "UBL-CR-326" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:RegistrationName";
    "UBL-CR-327" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:TaxLevelCode";
    "UBL-CR-328" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReasonCode";
    "UBL-CR-329" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReason";
    "UBL-CR-330" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:RegistrationAddress";
    "UBL-CR-331" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name";
    "UBL-CR-332" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-333" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-334" Warning "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-335" Warning "cac:TaxRepresentativeParty/cac:PartyLegalEntity";
    "UBL-CR-336" Warning "cac:TaxRepresentativeParty/cac:Contact";
    "UBL-CR-337" Warning "cac:TaxRepresentativeParty/cac:Person";
    "UBL-CR-338" Warning "cac:TaxRepresentativeParty/cac:AgentParty";
    "UBL-CR-339" Warning "cac:TaxRepresentativeParty/cac:ServiceProviderParty";
    "UBL-CR-340" Warning "cac:TaxRepresentativeParty/cac:PowerOfAttorney";
    "UBL-CR-341" Warning "cac:TaxRepresentativeParty/cac:FinancialAccount";
    "UBL-CR-342" Warning "cac:Delivery/cbc:ID";
    "UBL-CR-343" Warning "cac:Delivery/cbc:Quantity";
    "UBL-CR-344" Warning "cac:Delivery/cbc:MinimumQuantity";
    "UBL-CR-345" Warning "cac:Delivery/cbc:MaximumQuantity";
    "UBL-CR-346" Warning "cac:Delivery/cbc:ActualDeliveryTime";
    "UBL-CR-347" Warning "cac:Delivery/cbc:LatestDeliveryDate";
    "UBL-CR-348" Warning "cac:Delivery/cbc:LatestDeliveryTime";
    "UBL-CR-349" Warning "cac:Delivery/cbc:ReleaseID";
    "UBL-CR-350" Warning "cac:Delivery/cbc:TrackingID";
    "UBL-CR-351" Warning "cac:Delivery/cac:DeliveryLocation/cbc:Description";
    "UBL-CR-352" Warning "cac:Delivery/cac:DeliveryLocation/cbc:Conditions";
    "UBL-CR-353" Warning "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentity";
    "UBL-CR-354" Warning "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentityCode";
    "UBL-CR-355" Warning "cac:Delivery/cac:DeliveryLocation/cbc:LocationTypeCode";
    "UBL-CR-356" Warning "cac:Delivery/cac:DeliveryLocation/cbc:InformationURI";
    "UBL-CR-357" Warning "cac:Delivery/cac:DeliveryLocation/cbc:Name";
    "UBL-CR-358" Warning "cac:Delivery/cac:DeliveryLocation/cac:ValidityPeriod";
    "UBL-CR-359" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:ID";
    "UBL-CR-360" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressTypeCode";
    "UBL-CR-361" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressFormatCode";
    "UBL-CR-362" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Postbox";
    "UBL-CR-363" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Floor";
    "UBL-CR-364" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Room";
    "UBL-CR-365" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BlockName";
    "UBL-CR-366" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingName";
    "UBL-CR-367" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingNumber";
    "UBL-CR-368" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:InhouseMail";
    "UBL-CR-369" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Department";
    "UBL-CR-370" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkAttention";
    "UBL-CR-371" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkCare";
    "UBL-CR-372" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:PlotIdentification";
    "UBL-CR-373" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CitySubdivisionName";
    "UBL-CR-374" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CountrySubentityCode";
    "UBL-CR-375" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Region";
    "UBL-CR-376" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:District";
    "UBL-CR-377" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:TimezoneOffset";
    "UBL-CR-378" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:Name";
    "UBL-CR-379" Warning "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:LocationCoordinate";
    "UBL-CR-380" Warning "cac:Delivery/cac:DeliveryLocation/cac:SubsidiaryLocation";
    "UBL-CR-381" Warning "cac:Delivery/cac:DeliveryLocation/cac:LocationCoordinate";
    "UBL-CR-382" Warning "cac:Delivery/cac:AlternativeDeliveryLocation";
    "UBL-CR-383" Warning "cac:Delivery/cac:RequestedDeliveryPeriod";
    "UBL-CR-384" Warning "cac:Delivery/cac:EstimatedDeliveryPeriod";
    "UBL-CR-385" Warning "cac:Delivery/cac:CarrierParty";
    "UBL-CR-386" Warning "cac:Delivery/cac:DeliveryParty/cbc:MarkCareIndicator";
    "UBL-CR-387" Warning "cac:Delivery/cac:DeliveryParty/cbc:MarkAttentionIndicator";
    "UBL-CR-388" Warning "cac:Delivery/cac:DeliveryParty/cbc:WebsiteURI";
    "UBL-CR-389" Warning "cac:Delivery/cac:DeliveryParty/cbc:LogoReferenceID";
    "UBL-CR-390" Warning "cac:Delivery/cac:DeliveryParty/cbc:EndpointID";
    "UBL-CR-391" Warning "cac:Delivery/cac:DeliveryParty/cbc:IndustryClassificationCode";
    "UBL-CR-392" Warning "cac:Delivery/cac:DeliveryParty/cac:PartyIdentification";
    "UBL-CR-393" Warning "cac:Delivery/cac:DeliveryParty/cac:Language";
    "UBL-CR-394" Warning "cac:Delivery/cac:DeliveryParty/cac:PostalAddress";
    "UBL-CR-395" Warning "cac:Delivery/cac:DeliveryParty/cac:PhysicalLocation";
    "UBL-CR-396" Warning "cac:Delivery/cac:DeliveryParty/cac:PartyTaxScheme";
    "UBL-CR-397" Warning "cac:Delivery/cac:DeliveryParty/cac:PartyLegalEntity";
    "UBL-CR-398" Warning "cac:Delivery/cac:DeliveryParty/cac:Contact";
    "UBL-CR-399" Warning "cac:Delivery/cac:DeliveryParty/cac:Person";
    "UBL-CR-400" Warning "cac:Delivery/cac:DeliveryParty/cac:AgentParty";
    "UBL-CR-401" Warning "cac:Delivery/cac:DeliveryParty/cac:ServiceProviderParty";
    "UBL-CR-402" Warning "cac:Delivery/cac:DeliveryParty/cac:PowerOfAttorney";
    "UBL-CR-403" Warning "cac:Delivery/cac:DeliveryParty/cac:FinancialAccount";
    "UBL-CR-404" Warning "cac:Delivery/cac:NotifyParty";
    "UBL-CR-405" Warning "cac:Delivery/cac:Despatch";
    "UBL-CR-406" Warning "cac:Delivery/cac:DeliveryTerms";
    "UBL-CR-407" Warning "cac:Delivery/cac:MinimumDeliveryUnit";
    "UBL-CR-408" Warning "cac:Delivery/cac:MaximumDeliveryUnit";
    "UBL-CR-409" Warning "cac:Delivery/cac:Shipment";
    "UBL-CR-410" Warning "cac:DeliveryTerms";
    "UBL-CR-411" Warning "cac:PaymentMeans/cbc:ID";
    "UBL-CR-413" Warning "cac:PaymentMeans/cbc:PaymentChannelCode";
    "UBL-CR-414" Warning "cac:PaymentMeans/cbc:InstructionID";
    "UBL-CR-415" Warning "cac:PaymentMeans/cac:CardAccount/cbc:CardTypeCode";
    "UBL-CR-416" Warning "cac:PaymentMeans/cac:CardAccount/cbc:ValidityStartDate";
    "UBL-CR-417" Warning "cac:PaymentMeans/cac:CardAccount/cbc:ExpiryDate";
    "UBL-CR-418" Warning "cac:PaymentMeans/cac:CardAccount/cbc:IssuerID";
    "UBL-CR-419" Warning "cac:PaymentMeans/cac:CardAccount/cbc:IssueNumberID";
    "UBL-CR-420" Warning "cac:PaymentMeans/cac:CardAccount/cbc:CV2ID";
    "UBL-CR-421" Warning "cac:PaymentMeans/cac:CardAccount/cbc:CardChipCode";
    "UBL-CR-422" Warning "cac:PaymentMeans/cac:CardAccount/cbc:ChipApplicationID";
    "UBL-CR-424" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AliasName";
    "UBL-CR-425" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountTypeCode";
    "UBL-CR-426" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountFormatCode";
    "UBL-CR-427" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:CurrencyCode";
    "UBL-CR-428" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:PaymentNote";
    "UBL-CR-429" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:Name";
    "UBL-CR-430" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/cbc:Name";
    "UBL-CR-431" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/cac:Address";
    "UBL-CR-432" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:Address";
    "UBL-CR-433" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:Country";
    "UBL-CR-434" Warning "cac:PaymentMeans/cac:CreditAccount";
    "UBL-CR-435" Warning "cac:PaymentMeans/cac:PaymentMandate/cbc:MandateTypeCode";
    "UBL-CR-436" Warning "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaymentInstructionsNumeric";
    "UBL-CR-437" Warning "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaidAmount";
    "UBL-CR-438" Warning "cac:PaymentMeans/cac:PaymentMandate/cbc:SignatureID";
    "UBL-CR-439" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty";
    "UBL-CR-440" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:Name";
    "UBL-CR-441" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AliasName";
    "UBL-CR-442" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountTypeCode";
    "UBL-CR-443" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountFormatCode";
    "UBL-CR-444" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:CurrencyCode";
    "UBL-CR-445" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:PaymentNote";
    "UBL-CR-446" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:FinancialInstitutionBranch";
    "UBL-CR-447" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:Country";
    "UBL-CR-448" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:ValidityPeriod";
    "UBL-CR-449" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:PaymentReversalPeriod";
    "UBL-CR-450" Warning "cac:PaymentMeans/cac:PaymentMandate/cac:Clause";
    "UBL-CR-451" Warning "cac:PaymentMeans/cac:TradeFinancing";
    "UBL-CR-452" Warning "cac:PaymentTerms/cbc:ID";
    "UBL-CR-453" Warning "cac:PaymentTerms/cbc:PaymentMeansID";
    "UBL-CR-454" Warning "cac:PaymentTerms/cbc:PrepaidPaymentReferenceID";
    "UBL-CR-455" Warning "cac:PaymentTerms/cbc:ReferenceEventCode";
    "UBL-CR-456" Warning "cac:PaymentTerms/cbc:SettlementDiscountPercent";
    "UBL-CR-457" Warning "cac:PaymentTerms/cbc:PenaltySurchargePercent";
    "UBL-CR-458" Warning "cac:PaymentTerms/cbc:PaymentPercent";
    "UBL-CR-459" Warning "cac:PaymentTerms/cbc:Amount";
    "UBL-CR-460" Warning "cac:PaymentTerms/cbc:SettlementDiscountAmount";
    "UBL-CR-461" Warning "cac:PaymentTerms/cbc:PenaltyAmount";
    "UBL-CR-462" Warning "cac:PaymentTerms/cbc:PaymentTermsDetailsURI";
    "UBL-CR-463" Warning "cac:PaymentTerms/cbc:PaymentDueDate";
    "UBL-CR-464" Warning "cac:PaymentTerms/cbc:InstallmentDueDate";
    "UBL-CR-465" Warning "cac:PaymentTerms/cbc:InvoicingPartyReference";
    "UBL-CR-466" Warning "cac:PaymentTerms/cac:SettlementPeriod";
    "UBL-CR-467" Warning "cac:PaymentTerms/cac:PenaltyPeriod";
    "UBL-CR-468" Warning "cac:PaymentTerms/cac:ExchangeRate";
    "UBL-CR-469" Warning "cac:PaymentTerms/cac:ValidityPeriod";
    "UBL-CR-470" Warning "cac:PrepaidPayment";
    "UBL-CR-471" Warning "cac:AllowanceCharge/cbc:ID";
    "UBL-CR-472" Warning "cac:AllowanceCharge/cbc:PrepaidIndicator";
    "UBL-CR-473" Warning "cac:AllowanceCharge/cbc:SequenceNumeric";
    "UBL-CR-474" Warning "cac:AllowanceCharge/cbc:AccountingCostCode";
    "UBL-CR-475" Warning "cac:AllowanceCharge/cbc:AccountingCost";
    "UBL-CR-476" Warning "cac:AllowanceCharge/cbc:PerUnitAmount";
    "UBL-CR-477" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:Name";
    "UBL-CR-478" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:BaseUnitMeasure";
    "UBL-CR-479" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:PerUnitAmount";
    "UBL-CR-480" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReasonCode";
    "UBL-CR-481" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReason";
    "UBL-CR-482" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRange";
    "UBL-CR-483" Warning "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRatePercent";
    "UBL-CR-484" Warning "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:Name";
    "UBL-CR-485" Warning "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-486" Warning "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-487" Warning "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-488" Warning "cac:AllowanceCharge/cac:TaxTotal";
    "UBL-CR-489" Warning "cac:AllowanceCharge/cac:PaymentMeans";
    "UBL-CR-490" Warning "cac:TaxExchangeRate";
    "UBL-CR-491" Warning "cac:PricingExchangeRate";
    "UBL-CR-492" Warning "cac:PaymentExchangeRate";
    "UBL-CR-493" Warning "cac:PaymentAlternativeExchangeRate";
    "UBL-CR-494" Warning "cac:TaxTotal/cbc:RoundingAmount";
    "UBL-CR-495" Warning "cac:TaxTotal/cbc:TaxEvidenceIndicator";
    "UBL-CR-496" Warning "cac:TaxTotal/cbc:TaxIncludedIndicator";
    "UBL-CR-497" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:CalculationSequenceNumeric";
    "UBL-CR-498" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:TransactionCurrencyTaxAmount";
    "UBL-CR-499" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:Percent";
    "UBL-CR-500" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:BaseUnitMeasure";
    "UBL-CR-501" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:PerUnitAmount";
    "UBL-CR-502" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRange";
    "UBL-CR-503" Warning "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRatePercent";
    "UBL-CR-504" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Name";
    "UBL-CR-505" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:BaseUnitMeasure";
    "UBL-CR-506" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:PerUnitAmount";
    "UBL-CR-507" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRange";
    "UBL-CR-508" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRatePercent";
    "UBL-CR-509" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:Name";
    "UBL-CR-510" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-511" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-512" Warning "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-513" Warning "cac:WithholdingTaxTotal";
    "UBL-CR-514" Warning "cac:LegalMonetaryTotal/cbc:PayableAlternativeAmount";
    "UBL-CR-515" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:UUID";
    "UBL-CR-516" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:TaxPointDate";
    "UBL-CR-517" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:AccountingCostCode";
    "UBL-CR-518" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:PaymentPurposeCode";
    "UBL-CR-519" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:FreeOfChargeIndicator";
    "UBL-CR-520" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:InvoicePeriod/cbc:StartTime";
    "UBL-CR-521" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:InvoicePeriod/cbc:EndTime";
    "UBL-CR-522" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:InvoicePeriod/cbc:DurationMeasure";
    "UBL-CR-523" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:InvoicePeriod/cbc:DescriptionCode";
    "UBL-CR-524" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:InvoicePeriod/cbc:Description";
    "UBL-CR-525" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:OrderLineReference/cbc:SalesOrderLineID";
    "UBL-CR-526" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:OrderLineReference/cbc:UUID";
    "UBL-CR-527" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:OrderLineReference/cbc:LineStatusCode";
    "UBL-CR-528" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:OrderLineReference/cac:OrderReference";
    "UBL-CR-529" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DespatchLineReference";
    "UBL-CR-530" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:ReceiptLineReference";
    "UBL-CR-531" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:BillingReference";
    "UBL-CR-532" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:CopyIndicator";
    "UBL-CR-533" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:UUID";
    "UBL-CR-534" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:IssueDate";
    "UBL-CR-535" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:IssueTime";
    "UBL-CR-537" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:DocumentType";
    "UBL-CR-538" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:XPath";
    "UBL-CR-539" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:LanguageID";
    "UBL-CR-540" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:LocaleCode";
    "UBL-CR-541" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:VersionID";
    "UBL-CR-542" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:DocumentStatusCode";
    "UBL-CR-543" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cbc:DocumentDescription";
    "UBL-CR-544" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cac:Attachment";
    "UBL-CR-545" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cac:ValidityPeriod";
    "UBL-CR-546" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cac:IssuerParty";
    "UBL-CR-547" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DocumentReference/cac:ResultOfVerification";
    "UBL-CR-548" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:PricingReference";
    "UBL-CR-549" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:OriginatorParty";
    "UBL-CR-550" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Delivery";
    "UBL-CR-551" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:PaymentTerms";
    "UBL-CR-552" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:ID";
    "UBL-CR-553" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:PrepaidIndicator";
    "UBL-CR-554" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:SequenceNumeric";
    "UBL-CR-555" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:AccountingCostCode";
    "UBL-CR-556" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:AccountingCost";
    "UBL-CR-557" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cbc:PerUnitAmount";
    "UBL-CR-558" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cac:TaxCategory";
    "UBL-CR-559" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cac:TaxTotal";
    "UBL-CR-560" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:AllowanceCharge/cac:PaymentMeans";
    "UBL-CR-561" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:TaxTotal";
    "UBL-CR-562" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:WithholdingTaxTotal";
    "UBL-CR-563" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:PackQuantity";
    "UBL-CR-564" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:PackSizeNumeric";
    "UBL-CR-565" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:CatalogueIndicator";
    "UBL-CR-566" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:HazardousRiskIndicator";
    "UBL-CR-567" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:AdditionalInformation";
    "UBL-CR-568" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:Keyword";
    "UBL-CR-569" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:BrandName";
    "UBL-CR-570" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cbc:ModelName";
    "UBL-CR-571" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:BuyersItemIdentification/cbc:ExtendedID";
    "UBL-CR-572" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:BuyersItemIdentification/cbc:BarcodeSymbologyID";
    "UBL-CR-573" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:BuyersItemIdentification/cac:PhysicalAttribute";
    "UBL-CR-574" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:BuyersItemIdentification/cac:MeasurementDimension";
    "UBL-CR-575" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:BuyersItemIdentification/cac:IssuerParty";
    "UBL-CR-576" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:SellersItemIdentification/cbc:ExtendedID";
    "UBL-CR-577" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:SellersItemIdentification/cbc:BarcodeSymbologyID";
    "UBL-CR-578" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:SellersItemIdentification/cac:PhysicalAttribute";
    "UBL-CR-579" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:SellersItemIdentification/cac:MeasurementDimension";
    "UBL-CR-580" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:SellersItemIdentification/cac:IssuerParty";
    "UBL-CR-581" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ManufacturersItemIdentification";
    "UBL-CR-582" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:StandardItemIdentification/cbc:ExtendedID";
    "UBL-CR-583" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:StandardItemIdentification/cbc:BarcodeSymbologyID";
    "UBL-CR-584" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:StandardItemIdentification/cac:PhysicalAttribute";
    "UBL-CR-585" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:StandardItemIdentification/cac:MeasurementDimension";
    "UBL-CR-586" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:StandardItemIdentification/cac:IssuerParty";
    "UBL-CR-587" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:CatalogueItemIdentification";
    "UBL-CR-588" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemIdentification";
    "UBL-CR-589" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:CatalogueDocumentReference";
    "UBL-CR-590" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ItemSpecificationDocumentReference";
    "UBL-CR-591" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:OriginCountry/cbc:Name";
    "UBL-CR-592" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:CommodityClassification/cbc:NatureCode";
    "UBL-CR-593" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:CommodityClassification/cbc:CargoTypeCode";
    "UBL-CR-594" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:CommodityClassification/cbc:CommodityCode";
    "UBL-CR-595" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:TransactionConditions";
    "UBL-CR-596" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:HazardousItem";
    "UBL-CR-597" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:Name";
    "UBL-CR-598" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:BaseUnitMeasure";
    "UBL-CR-599" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:PerUnitAmount";
    "UBL-CR-600" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReasonCode";
    "UBL-CR-601" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason";
    "UBL-CR-602" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRange";
    "UBL-CR-603" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRatePercent";
    "UBL-CR-604" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:Name";
    "UBL-CR-605" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:TaxTypeCode";
    "UBL-CR-606" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:CurrencyCode";
    "UBL-CR-607" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress";
    "UBL-CR-608" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:ID";
    "UBL-CR-609" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:NameCode";
    "UBL-CR-610" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:TestMethod";
    "UBL-CR-611" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:ValueQuantity";
    "UBL-CR-612" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:ValueQualifier";
    "UBL-CR-613" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:ImportanceCode";
    "UBL-CR-614" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cbc:ListValue";
    "UBL-CR-615" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cac:UsabilityPeriod";
    "UBL-CR-616" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyGroup";
    "UBL-CR-617" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cac:RangeDimension";
    "UBL-CR-618" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyRange";
    "UBL-CR-619" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ManufacturerParty";
    "UBL-CR-620" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:InformationContentProviderParty";
    "UBL-CR-621" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:OriginAddress";
    "UBL-CR-622" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:ItemInstance";
    "UBL-CR-623" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:Certificate";
    "UBL-CR-624" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Item/cac:Dimension";
    "UBL-CR-625" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:PriceChangeReason";
    "UBL-CR-626" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:PriceTypeCode";
    "UBL-CR-627" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:PriceType";
    "UBL-CR-628" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:OrderableUnitFactorRate";
    "UBL-CR-629" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:ValidityPeriod";
    "UBL-CR-630" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:PriceList";
    "UBL-CR-631" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cbc:OrderableUnitFactorRate";
    "UBL-CR-632" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:ID";
    "UBL-CR-633" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode";
    "UBL-CR-634" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason";
    "UBL-CR-635" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric";
    "UBL-CR-636" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:PrepaidIndicator";
    "UBL-CR-637" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:SequenceNumeric";
    "UBL-CR-638" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:AccountingCostCode";
    "UBL-CR-639" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:AccountingCost";
    "UBL-CR-640" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cbc:PerUnitAmount";
    "UBL-CR-641" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cac:TaxCategory";
    "UBL-CR-642" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cac:TaxTotal";
    "UBL-CR-643" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:AllowanceCharge/cac:PaymentMeans";
    "UBL-CR-644" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:Price/cac:PricingExchangeRate";
    "UBL-CR-645" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:DeliveryTerms";
    "UBL-CR-646" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:SubInvoiceLine";
    "UBL-CR-647" Warning "(cac:InvoiceLine|cac:CreditNoteLine)/cac:ItemPriceExtension";
    "UBL-CR-648" Warning "cbc:CustomizationID/@schemeID";
    "UBL-CR-649" Warning "cbc:ProfileID/@schemeID";
    "UBL-CR-650" Warning "cbc:ID/@schemeID";
    "UBL-CR-651" Warning "cbc:SalesOrderID/@schemeID";
    "UBL-CR-652" Warning "//cac:PartyTaxScheme/cbc:CompanyID/@schemeID";
    "UBL-CR-653" Warning "cac:PaymentMeans/cbc:PaymentID/@schemeID";
    "UBL-CR-654" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID/@schemeID";
    "UBL-CR-655" Warning "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID/@schemeID";
    "UBL-CR-656" Warning "cbc:InvoiceTypeCode/@listID";
    "UBL-CR-657" Warning "cbc:DocumentCurrencyCode/@listID";
    "UBL-CR-658" Warning "cbc:TaxCurrencyCode/@listID";
    "UBL-CR-659" Warning "cac:AdditionalDocumentReference/cbc:DocumentTypeCode/@listID";
    "UBL-CR-660" Warning "//cac:Country/cbc:IdentificationCode/@listID";
    "UBL-CR-661" Warning "cac:PaymentMeans/cbc:PaymentMeansCode/@listID";
    "UBL-CR-662" Warning "//cbc:AllowanceChargeReasonCode/@listID";
    "UBL-CR-663" Warning "//@unitCodeListID";
    "UBL-CR-664" Warning "//cac:FinancialInstitution";
    "UBL-CR-667" Warning "//cac:BuyersItemIdentification/cbc:ID/@schemeID";
    "UBL-CR-668" Warning "//cac:SellersItemIdentification/cbc:ID/@schemeID";
    "UBL-CR-669" Warning "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode";
    "UBL-CR-670" Warning "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason";
    "UBL-CR-671" Warning "//cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric";
    "UBL-CR-672" Warning "cbc:CreditNoteTypeCode/@listID";
    "UBL-CR-674" Warning "//cbc:PrimaryAccountNumber/@schemeID";
    "UBL-CR-675" Warning "//cac:CardAccount/cbc:NetworkID/@schemeID";
    "UBL-CR-676" Warning "//cac:PaymentMandate/cbc:ID/@schemeID";
    "UBL-CR-677" Warning "//cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID/@schemeID";
    "UBL-CR-678" Warning "//cac:TaxCategory/cbc:ID/@schemeID";
    "UBL-CR-679" Warning "//cac:ClassifiedTaxCategory/cbc:ID/@schemeID";
    "UBL-CR-680" Warning "//cac:PaymentMeans/cac:PayerFinancialAccount";
    "UBL-CR-681" Warning "cac:PaymentMeans/cbc:InstructionNote";
    "UBL-CR-682" Warning "cac:Delivery/cac:DeliveryAddress";
}

/// One step of a path: an element, or the attribute that ends it.
#[derive(Debug, Clone, Copy)]
enum Step {
    Element(Ns, Tag),
    Attribute(&'static str),
}

/// Parse `cac:A/cbc:B/@c` (an optional `(x|y)` alternative may start it) into the step lists
/// it stands for.
fn steps(path: &'static str) -> Vec<Vec<Step>> {
    let (alternatives, rest): (Vec<&'static str>, &'static str) = match path.strip_prefix('(') {
        Some(tail) => match tail.split_once(")/") {
            Some((alts, rest)) => (alts.split('|').collect(), rest),
            None => (Vec::new(), ""),
        },
        None => (vec![""], path),
    };
    alternatives
        .into_iter()
        .map(|first| {
            std::iter::once(first)
                .chain(rest.split('/'))
                .filter(|s| !s.is_empty())
                .map(step)
                .collect()
        })
        .collect()
}

fn step(s: &'static str) -> Step {
    if let Some(attribute) = s.strip_prefix('@') {
        return Step::Attribute(attribute);
    }
    let (prefix, name) = s.split_once(':').unwrap_or(("", s));
    let ns = match prefix {
        "cbc" => Ns::Cbc,
        "cac" => Ns::Cac,
        "ext" => Ns::Ext,
        _ => Ns::Other,
    };
    Step::Element(ns, Tag::of(name))
}

/// A trie state: transitions by element, and the rules (indices into `PATHS`) that a node
/// reaching this state, or one of its attributes, violates.
#[derive(Debug, Default)]
struct State {
    children: Vec<(Ns, Tag, u32)>,
    /// This state's row in `Compiled::transitions` (meaningful when it has children).
    row: u32,
    rules: Vec<u16>,
    attributes: Vec<(&'static str, u16)>,
}

/// A path that may start anywhere: its element steps in reverse (last first) and an optional
/// final attribute.
#[derive(Debug)]
struct Anywhere {
    rule: u16,
    reversed: Vec<(Ns, Tag)>,
    attribute: Option<&'static str>,
}

#[derive(Debug)]
struct Compiled {
    states: Vec<State>,
    /// Every transition of the trie as one dense table: a row per state with transitions
    /// ([`State::row`]), a column per element name some path steps through ([`Compiled::column`]),
    /// so a step is two indexed loads instead of a hash look-up.
    transitions: Vec<u32>,
    /// Per [`name_key`] of an element name: its column in `transitions`, 0 (a column of
    /// `DEAD` only) for a name no path steps through.
    column: Vec<u16>,
    /// Columns per row.
    width: usize,
    /// Paths from anywhere, bucketed by the tag of their last element, so most elements are
    /// dismissed by one index.
    anywhere_by_tag: Vec<Vec<Anywhere>>,
    /// Per tag: whether an element with it may end a path from anywhere or matter to
    /// [`Specials`]; most elements need no more than this one look-up.
    watched: Vec<bool>,
    /// Paths from anywhere with no element step (`//@attr`).
    any_attribute: Vec<(&'static str, u16)>,
}

impl Compiled {
    /// The state after reading element `ns:tag` in a state whose transitions are `row`
    /// (`DEAD` when no path goes on).
    #[inline]
    fn next(&self, row: usize, ns: Ns, tag: Tag) -> u32 {
        let column = self
            .column
            .get(name_key(ns, tag))
            .map_or(0, |&c| usize::from(c));
        self.transitions
            .get(row * self.width + column)
            .copied()
            .unwrap_or(DEAD)
    }
}

/// Where `ns:tag` sits in `Compiled::column`: one slot per namespace and tag, so a look-up
/// needs no test (the slots of `Tag::Other` and of namespaces no path uses stay 0).
#[inline]
fn name_key(ns: Ns, tag: Tag) -> usize {
    ns as usize * Tag::COUNT + tag as usize
}

/// How many slots `Compiled::column` has (`Ns::Other` is the last namespace).
const NAME_KEYS: usize = (Ns::Other as usize + 1) * Tag::COUNT;

const DEAD: u32 = u32::MAX;

fn compile() -> Compiled {
    let mut states = vec![State::default()];
    let mut anywhere_by_tag: Vec<Vec<Anywhere>> = (0..Tag::COUNT).map(|_| Vec::new()).collect();
    let mut any_attribute = Vec::new();
    for (index, (_, path)) in PATHS.iter().enumerate() {
        let rule = u16::try_from(index).unwrap_or(u16::MAX);
        if let Some(rest) = path.strip_prefix("//") {
            for list in steps(rest) {
                let attribute = match list.last() {
                    Some(Step::Attribute(a)) => Some(*a),
                    _ => None,
                };
                let reversed: Vec<(Ns, Tag)> = list
                    .iter()
                    .rev()
                    .filter_map(|s| match s {
                        Step::Element(ns, name) => Some((*ns, *name)),
                        Step::Attribute(_) => None,
                    })
                    .collect();
                match (reversed.first(), attribute) {
                    (None, Some(a)) => any_attribute.push((a, rule)),
                    (None, None) => {}
                    (Some(&(_, last)), _) => {
                        anywhere_by_tag[last as usize].push(Anywhere {
                            rule,
                            reversed,
                            attribute,
                        });
                    }
                }
            }
            continue;
        }
        for list in steps(path) {
            let mut state = 0usize;
            for s in list {
                match s {
                    Step::Element(ns, name) => {
                        let found = states[state]
                            .children
                            .iter()
                            .find(|(n, m, _)| *n == ns && *m == name)
                            .map(|(_, _, next)| *next as usize);
                        state = match found {
                            Some(next) => next,
                            None => {
                                let next = states.len();
                                states.push(State::default());
                                let id = u32::try_from(next).unwrap_or(DEAD);
                                states[state].children.push((ns, name, id));
                                next
                            }
                        };
                    }
                    Step::Attribute(a) => {
                        states[state].attributes.push((a, rule));
                        state = usize::MAX;
                        break;
                    }
                }
            }
            if state != usize::MAX {
                states[state].rules.push(rule);
            }
        }
    }
    let mut column = vec![0u16; NAME_KEYS];
    let mut width = 1usize;
    for &(ns, tag, _) in states.iter().flat_map(|s| &s.children) {
        // Paths name UBL elements only; an unknown name would never match.
        let named = tag != Tag::Other && matches!(ns, Ns::Cbc | Ns::Cac | Ns::Ext);
        if let Some(c) = column.get_mut(name_key(ns, tag))
            && named
            && *c == 0
        {
            *c = u16::try_from(width).unwrap_or(0);
            width += 1;
        }
    }
    let mut transitions = Vec::new();
    for state in states.iter_mut().filter(|s| !s.children.is_empty()) {
        let row = transitions.len() / width;
        state.row = u32::try_from(row).unwrap_or(DEAD);
        transitions.resize((row + 1) * width, DEAD);
        for &(ns, tag, next) in &state.children {
            if let Some(&c) = column.get(name_key(ns, tag))
                && c != 0
                && let Some(cell) = transitions.get_mut(row * width + usize::from(c))
            {
                *cell = next;
            }
        }
    }
    let mut watched: Vec<bool> = anywhere_by_tag.iter().map(|l| !l.is_empty()).collect();
    for tag in Specials::TAGS {
        watched[tag as usize] = true;
    }
    Compiled {
        states,
        transitions,
        column,
        width,
        anywhere_by_tag,
        watched,
        any_attribute,
    }
}

/// The compiled table, built once on first use (a pure function of the constant table).
fn compiled() -> &'static Compiled {
    static COMPILED: LazyLock<Compiled> = LazyLock::new(compile);
    &COMPILED
}

/// Which table rules apply, one bit per entry of `PATHS` (kept on the stack).
struct Hits([u64; PATHS.len().div_ceil(64)]);

impl Hits {
    fn set(&mut self, rule: u16) {
        if let Some(word) = self.0.get_mut(usize::from(rule) / 64) {
            *word |= 1 << (rule % 64);
        }
    }

    /// The rules hit, in table order.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            // Peel the lowest set bit off until none is left.
            std::iter::successors((word != 0).then_some(word), |&rest| {
                let rest = rest & (rest - 1);
                (rest != 0).then_some(rest)
            })
            .map(move |rest| w * 64 + rest.trailing_zeros() as usize)
        })
    }
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let table = compiled();
    let mut hits = Hits([0; PATHS.len().div_ceil(64)]);
    // Paths from the document element: descend only while some path goes on, so the
    // subtrees no path reaches are never visited.
    walk(doc, table, root, 0, &mut hits);
    // Paths from anywhere, attributes anywhere and the special rules look at every element,
    // most of which one tag look-up dismisses.
    let mut specials = Specials::default();
    for id in doc.all() {
        let node = doc.node(id);
        let attrs = doc.attrs(id);
        if table.watched.get(node.tag as usize) == Some(&true) {
            for anywhere in &table.anywhere_by_tag[node.tag as usize] {
                if matches(doc, id, attrs, anywhere) {
                    hits.set(anywhere.rule);
                }
            }
            specials.see(doc, id);
        }
        if !attrs.is_empty() {
            for &(attribute, rule) in &table.any_attribute {
                if attrs.iter().any(|a| a.name == attribute) {
                    hits.set(rule);
                }
            }
        }
    }
    for index in hits.iter() {
        if let Some(&(id, _)) = PATHS.get(index) {
            cx.fire(id, root);
        }
    }
    specials.report(cx, root);
}

/// Record the rules of trie `state`, reached at element `id`, and go on into the children
/// some path continues with. The recursion is as deep as the longest path, whatever the input.
fn walk(doc: &Doc<'_>, table: &Compiled, id: NodeId, state: u32, hits: &mut Hits) {
    let Some(s) = table.states.get(state as usize) else {
        return;
    };
    for &rule in &s.rules {
        hits.set(rule);
    }
    if !s.attributes.is_empty() {
        let attrs = doc.attrs(id);
        for &(attribute, rule) in &s.attributes {
            if attrs.iter().any(|a| a.name == attribute) {
                hits.set(rule);
            }
        }
    }
    if s.children.is_empty() {
        return;
    }
    for child in doc.children(id) {
        let node = doc.node(child);
        let next = table.next(s.row as usize, node.ns, node.tag);
        if next != DEAD {
            walk(doc, table, child, next, hits);
        }
    }
}

/// Whether element `id` ends a path from anywhere.
fn matches(doc: &Doc<'_>, id: NodeId, attrs: &[Attr<'_>], anywhere: &Anywhere) -> bool {
    // The attribute first (`attrs` are the element's): most elements have none, which
    // settles it at once.
    if anywhere
        .attribute
        .is_some_and(|name| !attrs.iter().any(|a| a.name == name))
    {
        return false;
    }
    let mut cur = id;
    for (i, &(ns, tag)) in anywhere.reversed.iter().enumerate() {
        if i > 0 {
            cur = doc.node(cur).parent;
            if cur == u32::MAX {
                return false;
            }
        }
        if !doc.is(cur, ns, tag) {
            return false;
        }
    }
    true
}

/// What the rules outside the table need, gathered in the walk over every element.
#[derive(Default)]
struct Specials {
    version_given: bool,
    version_21: bool,
    payment_due_date: bool,
    other_reference_scheme: bool,
    object_attachment: bool,
    object_description: bool,
}

impl Specials {
    /// The element names [`Specials::see`] looks at.
    const TAGS: [Tag; 3] = [
        Tag::UBLVersionID,
        Tag::PaymentDueDate,
        Tag::AdditionalDocumentReference,
    ];

    /// Note what element `id` tells (only called for elements named in [`Specials::TAGS`]).
    fn see(&mut self, doc: &Doc<'_>, id: NodeId) {
        let root = doc.root();
        let node = doc.node(id);
        match (node.ns, node.tag) {
            (Ns::Cbc, Tag::UBLVersionID) if node.parent == root => {
                self.version_given = true;
                self.version_21 |= doc.raw(id) == "2.1";
            }
            (Ns::Cbc, Tag::PaymentDueDate)
                if doc.is(node.parent, Ns::Cac, Tag::PaymentMeans)
                    && doc.node(node.parent).parent == root =>
            {
                self.payment_due_date = true;
            }
            (Ns::Cac, Tag::AdditionalDocumentReference) => {
                let codes = || doc.kids(id, Ns::Cbc, Tag::DocumentTypeCode);
                // General comparisons: any code equal / any code different.
                let object = codes().any(|c| doc.raw(c) == "130");
                let other = codes().any(|c| doc.raw(c) != "130") || codes().next().is_none();
                if other
                    && doc
                        .kids(id, Ns::Cbc, Tag::ID)
                        .any(|i| doc.attr(i, "schemeID").is_some())
                {
                    self.other_reference_scheme = true;
                }
                if object {
                    self.object_attachment |= doc.kid(id, Ns::Cac, Tag::Attachment).is_some();
                    self.object_description |=
                        doc.kid(id, Ns::Cbc, Tag::DocumentDescription).is_some();
                }
            }
            _ => {}
        }
    }

    fn report(&self, cx: &mut Ctx<'_>, root: NodeId) {
        use crate::doc::Kind;
        cx.require(!self.version_given || self.version_21, "UBL-CR-002", root);
        // The official test exempts a credit note (`../cn:CreditNote`).
        let invoice = cx.doc.kind() == Kind::Invoice;
        cx.require(!(self.payment_due_date && invoice), "UBL-CR-412", root);
        cx.require(!self.other_reference_scheme, "UBL-CR-665", root);
        cx.require(!self.object_attachment, "UBL-CR-666", root);
        cx.require(!self.object_description, "UBL-CR-673", root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::check;

    #[test]
    fn every_path_compiles() {
        let table = compiled();
        let anywhere: usize = table.anywhere_by_tag.iter().map(Vec::len).sum();
        let from_root: usize = table
            .states
            .iter()
            .map(|s| s.rules.len() + s.attributes.len())
            .sum();
        // The (InvoiceLine|CreditNoteLine) paths count twice in the trie.
        let alternatives = PATHS.iter().filter(|(_, p)| p.starts_with('(')).count();
        assert_eq!(
            anywhere + table.any_attribute.len() + from_root,
            PATHS.len() + alternatives
        );
        for (_, path) in PATHS {
            for list in steps(path) {
                assert!(!list.is_empty(), "{path}");
                for s in list {
                    if let Step::Element(ns, tag) = s {
                        assert_ne!(ns, Ns::Other, "{path}");
                        assert_ne!(tag, Tag::Other, "{path}: a name missing from the tag list");
                    }
                }
            }
        }
    }

    #[test]
    fn fires_once_per_document() {
        check(
            "<cbc:UUID>1</cbc:UUID><cac:InvoiceLine><cbc:UUID>a</cbc:UUID></cac:InvoiceLine>\
             <cac:InvoiceLine><cbc:UUID>b</cbc:UUID><cac:Item><cac:ClassifiedTaxCategory>\
             <cbc:ID schemeID=\"UNCL5305\">S</cbc:ID></cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>\
             <cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID schemeID=\"x\">S</cbc:ID></cac:TaxCategory>\
             </cac:TaxSubtotal></cac:TaxTotal>\
             <cbc:InvoiceTypeCode listID=\"UNCL1001\">380</cbc:InvoiceTypeCode>",
            &[
                ("UBL-CR-005", 1),
                ("UBL-CR-515", 1),
                ("UBL-CR-679", 1),
                ("UBL-CR-678", 1),
                ("UBL-CR-656", 1),
                ("UBL-CR-001", 0),
                ("UBL-CR-002", 0),
            ],
        );
    }

    #[test]
    fn special_rules() {
        check(
            "<cbc:UBLVersionID>2.0</cbc:UBLVersionID>\
             <cac:AdditionalDocumentReference><cbc:ID schemeID=\"AAA\">1</cbc:ID>\
             <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:DocumentDescription>d</cbc:DocumentDescription>\
             <cac:Attachment/></cac:AdditionalDocumentReference>\
             <cac:AdditionalDocumentReference><cbc:ID schemeID=\"AAA\">2</cbc:ID></cac:AdditionalDocumentReference>\
             <cac:PaymentMeans><cbc:PaymentDueDate>2024-01-01</cbc:PaymentDueDate></cac:PaymentMeans>",
            &[
                ("UBL-CR-002", 1),
                ("UBL-CR-412", 1),
                ("UBL-CR-665", 1),
                ("UBL-CR-666", 1),
                ("UBL-CR-673", 1),
            ],
        );
        check(
            "<cbc:UBLVersionID>2.1</cbc:UBLVersionID>",
            &[("UBL-CR-002", 0)],
        );
    }
}
