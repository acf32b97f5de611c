//! The element names the reader knows, interned per namespace so that paths can be matched
//! with slice patterns instead of string comparisons.
//!
//! A name is only recognised in the namespace UBL (or the SBDH standard) puts it in: a
//! `cbc:Party` or an `ext:ID` becomes [`Tag::Unknown`], and so does everything below an
//! unknown element as far as the path patterns are concerned.

/// Namespace of the UBL basic components (leaf values).
pub(crate) const NS_CBC: &str =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
/// Namespace of the UBL aggregate components (groups of values).
pub(crate) const NS_CAC: &str =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
/// Namespace of the UBL 2.1 Invoice document.
pub(crate) const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
/// Namespace of the UBL 2.1 CreditNote document.
pub(crate) const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
/// Namespace of the Standard Business Document Header envelope used by Peppol.
pub(crate) const NS_SBDH: &str =
    "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

/// Declares [`Tag`], one lookup function per namespace and the `prefix:Name` of each tag.
macro_rules! tags {
    ($( $ns:ident { $($variant:ident = $name:literal),* $(,)? } )*) => {
        /// A known element (namespace + local name), or `Unknown`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Tag {
            $($($variant,)*)*
            Unknown,
        }

        impl Tag {
            $(
                /// The tag of `local` in this namespace.
                pub(crate) fn $ns(local: &str) -> Tag {
                    match local {
                        $($name => Tag::$variant,)*
                        _ => Tag::Unknown,
                    }
                }
            )*

            /// The conventional `prefix:LocalName`, used in field paths of error reports
            /// whatever prefix the document itself used.
            pub(crate) fn qname(self) -> &'static str {
                match self {
                    $($(Tag::$variant => concat!(stringify!($ns), ":", $name),)*)*
                    Tag::Unknown => "*",
                }
            }
        }
    };
}

tags! {
    cbc {
        CustomizationId = "CustomizationID",
        ProfileId = "ProfileID",
        Id = "ID",
        IssueDate = "IssueDate",
        DueDate = "DueDate",
        InvoiceTypeCode = "InvoiceTypeCode",
        CreditNoteTypeCode = "CreditNoteTypeCode",
        Note = "Note",
        DocumentCurrencyCode = "DocumentCurrencyCode",
        TaxCurrencyCode = "TaxCurrencyCode",
        AccountingCost = "AccountingCost",
        BuyerReference = "BuyerReference",
        SalesOrderId = "SalesOrderID",
        DocumentDescription = "DocumentDescription",
        EmbeddedDocumentBinaryObject = "EmbeddedDocumentBinaryObject",
        Uri = "URI",
        EndpointId = "EndpointID",
        Name = "Name",
        StreetName = "StreetName",
        AdditionalStreetName = "AdditionalStreetName",
        CityName = "CityName",
        PostalZone = "PostalZone",
        IdentificationCode = "IdentificationCode",
        CompanyId = "CompanyID",
        RegistrationName = "RegistrationName",
        Telephone = "Telephone",
        ElectronicMail = "ElectronicMail",
        PaymentMeansCode = "PaymentMeansCode",
        PaymentId = "PaymentID",
        PaymentDueDate = "PaymentDueDate",
        ChargeIndicator = "ChargeIndicator",
        AllowanceChargeReasonCode = "AllowanceChargeReasonCode",
        AllowanceChargeReason = "AllowanceChargeReason",
        MultiplierFactorNumeric = "MultiplierFactorNumeric",
        Amount = "Amount",
        BaseAmount = "BaseAmount",
        Percent = "Percent",
        TaxAmount = "TaxAmount",
        TaxableAmount = "TaxableAmount",
        TaxExemptionReason = "TaxExemptionReason",
        TaxExemptionReasonCode = "TaxExemptionReasonCode",
        LineExtensionAmount = "LineExtensionAmount",
        TaxExclusiveAmount = "TaxExclusiveAmount",
        TaxInclusiveAmount = "TaxInclusiveAmount",
        AllowanceTotalAmount = "AllowanceTotalAmount",
        ChargeTotalAmount = "ChargeTotalAmount",
        PrepaidAmount = "PrepaidAmount",
        PayableRoundingAmount = "PayableRoundingAmount",
        PayableAmount = "PayableAmount",
        InvoicedQuantity = "InvoicedQuantity",
        CreditedQuantity = "CreditedQuantity",
        LineId = "LineID",
        Description = "Description",
        ItemClassificationCode = "ItemClassificationCode",
        PriceAmount = "PriceAmount",
        BaseQuantity = "BaseQuantity",
    }
    cac {
        OrderReference = "OrderReference",
        ContractDocumentReference = "ContractDocumentReference",
        ProjectReference = "ProjectReference",
        BillingReference = "BillingReference",
        InvoiceDocumentReference = "InvoiceDocumentReference",
        AdditionalDocumentReference = "AdditionalDocumentReference",
        Attachment = "Attachment",
        ExternalReference = "ExternalReference",
        AccountingSupplierParty = "AccountingSupplierParty",
        AccountingCustomerParty = "AccountingCustomerParty",
        PayeeParty = "PayeeParty",
        Party = "Party",
        PartyIdentification = "PartyIdentification",
        PartyName = "PartyName",
        PostalAddress = "PostalAddress",
        Country = "Country",
        PartyTaxScheme = "PartyTaxScheme",
        TaxScheme = "TaxScheme",
        PartyLegalEntity = "PartyLegalEntity",
        Contact = "Contact",
        PaymentMeans = "PaymentMeans",
        PayeeFinancialAccount = "PayeeFinancialAccount",
        FinancialInstitutionBranch = "FinancialInstitutionBranch",
        PaymentTerms = "PaymentTerms",
        AllowanceCharge = "AllowanceCharge",
        TaxCategory = "TaxCategory",
        TaxTotal = "TaxTotal",
        TaxSubtotal = "TaxSubtotal",
        LegalMonetaryTotal = "LegalMonetaryTotal",
        InvoiceLine = "InvoiceLine",
        CreditNoteLine = "CreditNoteLine",
        OrderLineReference = "OrderLineReference",
        Item = "Item",
        SellersItemIdentification = "SellersItemIdentification",
        CommodityClassification = "CommodityClassification",
        ClassifiedTaxCategory = "ClassifiedTaxCategory",
        Price = "Price",
    }
    sbdh {
        SbdHeader = "StandardBusinessDocumentHeader",
        SbdSender = "Sender",
        SbdReceiver = "Receiver",
        SbdIdentifier = "Identifier",
        SbdDocumentIdentification = "DocumentIdentification",
        SbdStandard = "Standard",
        SbdTypeVersion = "TypeVersion",
        SbdInstanceIdentifier = "InstanceIdentifier",
        SbdType = "Type",
        SbdBusinessScope = "BusinessScope",
        SbdScope = "Scope",
    }
}

impl Tag {
    /// The tag of an element in namespace `ns` (`None`: no namespace) with local name `local`.
    pub(crate) fn resolve(ns: Option<&str>, local: &str) -> Tag {
        match ns {
            Some(NS_CBC) => Tag::cbc(local),
            Some(NS_CAC) => Tag::cac(local),
            Some(NS_SBDH) => Tag::sbdh(local),
            _ => Tag::Unknown,
        }
    }

    /// Whether this is a UBL basic component, i.e. an element whose text is a value.
    pub(crate) fn is_basic(self) -> bool {
        self.qname().starts_with("cbc:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised_only_in_their_namespace() {
        assert_eq!(Tag::resolve(Some(NS_CBC), "ID"), Tag::Id);
        assert_eq!(Tag::resolve(Some(NS_CAC), "ID"), Tag::Unknown);
        assert_eq!(Tag::resolve(Some(NS_CAC), "Party"), Tag::Party);
        assert_eq!(Tag::resolve(Some(NS_CBC), "Party"), Tag::Unknown);
        assert_eq!(Tag::resolve(None, "ID"), Tag::Unknown);
        assert_eq!(Tag::resolve(Some(NS_SBDH), "Sender"), Tag::SbdSender);
        assert_eq!(Tag::Id.qname(), "cbc:ID");
        assert_eq!(Tag::LegalMonetaryTotal.qname(), "cac:LegalMonetaryTotal");
        assert!(Tag::PayableAmount.is_basic());
        assert!(!Tag::Party.is_basic());
    }
}
