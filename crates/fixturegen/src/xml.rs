//! The structured invoices the fixtures carry, written from the same [`Invoice`] as the
//! printed page: a Peppol BIS Billing 3.0 (EHF) UBL invoice, a Factur-X / ZUGFeRD CII invoice
//! (EN 16931 profile), and the XMP metadata that tells a reader a PDF is Factur-X.

use crate::invoice::{
    BUYER_CITY, BUYER_NAME, BUYER_ORG, BUYER_POSTCODE, BUYER_STREET, Invoice, compact, iso, plain,
    rate,
};
use crate::ooxml::escape;

/// A UBL 2.1 Invoice to Peppol BIS Billing 3.0, addressed to 0192:931235184.
pub(crate) fn ubl(inv: &Invoice, note: Option<&str>) -> String {
    let s = &inv.supplier;
    let mut x = String::new();
    let mut l = |indent: usize, text: &str| {
        x.push_str(&" ".repeat(indent * 4));
        x.push_str(text);
        x.push('\n');
    };
    l(0, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    l(
        0,
        r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2""#,
    );
    l(
        0,
        r#"         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2""#,
    );
    l(
        0,
        r#"         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">"#,
    );
    l(
        1,
        "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
    );
    l(
        1,
        "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>",
    );
    l(1, &format!("<cbc:ID>{}</cbc:ID>", escape(inv.number)));
    l(
        1,
        &format!("<cbc:IssueDate>{}</cbc:IssueDate>", iso(inv.issue)),
    );
    l(1, &format!("<cbc:DueDate>{}</cbc:DueDate>", iso(inv.due)));
    l(1, "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>");
    if let Some(note) = note {
        l(1, &format!("<cbc:Note>{}</cbc:Note>", escape(note)));
    }
    l(
        1,
        "<cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>",
    );
    if let Some(r) = inv.buyer_reference {
        l(
            1,
            &format!("<cbc:BuyerReference>{}</cbc:BuyerReference>", escape(r)),
        );
    }
    if let Some(o) = inv.order_reference {
        l(1, "<cac:OrderReference>");
        l(2, &format!("<cbc:ID>{}</cbc:ID>", escape(o)));
        l(1, "</cac:OrderReference>");
    }
    // Supplier.
    l(1, "<cac:AccountingSupplierParty>");
    l(2, "<cac:Party>");
    l(
        3,
        &format!(
            "<cbc:EndpointID schemeID=\"0192\">{}</cbc:EndpointID>",
            s.org
        ),
    );
    l(3, "<cac:PartyName>");
    l(4, &format!("<cbc:Name>{}</cbc:Name>", escape(s.name)));
    l(3, "</cac:PartyName>");
    address(&mut l, s.street, s.city, s.postcode);
    l(3, "<cac:PartyTaxScheme>");
    l(4, &format!("<cbc:CompanyID>{}</cbc:CompanyID>", s.vat_id()));
    l(4, "<cac:TaxScheme>");
    l(5, "<cbc:ID>VAT</cbc:ID>");
    l(4, "</cac:TaxScheme>");
    l(3, "</cac:PartyTaxScheme>");
    l(3, "<cac:PartyTaxScheme>");
    l(4, "<cbc:CompanyID>Foretaksregisteret</cbc:CompanyID>");
    l(4, "<cac:TaxScheme>");
    l(5, "<cbc:ID>TAX</cbc:ID>");
    l(4, "</cac:TaxScheme>");
    l(3, "</cac:PartyTaxScheme>");
    l(3, "<cac:PartyLegalEntity>");
    l(
        4,
        &format!(
            "<cbc:RegistrationName>{}</cbc:RegistrationName>",
            escape(s.name)
        ),
    );
    l(
        4,
        &format!("<cbc:CompanyID schemeID=\"0192\">{}</cbc:CompanyID>", s.org),
    );
    l(3, "</cac:PartyLegalEntity>");
    l(3, "<cac:Contact>");
    if let Some(name) = inv.seller_reference {
        l(4, &format!("<cbc:Name>{}</cbc:Name>", escape(name)));
    }
    l(4, &format!("<cbc:Telephone>{}</cbc:Telephone>", s.phone));
    l(
        4,
        &format!("<cbc:ElectronicMail>{}</cbc:ElectronicMail>", s.email),
    );
    l(3, "</cac:Contact>");
    l(2, "</cac:Party>");
    l(1, "</cac:AccountingSupplierParty>");
    // Buyer.
    l(1, "<cac:AccountingCustomerParty>");
    l(2, "<cac:Party>");
    l(
        3,
        &format!("<cbc:EndpointID schemeID=\"0192\">{BUYER_ORG}</cbc:EndpointID>"),
    );
    l(3, "<cac:PartyName>");
    l(4, &format!("<cbc:Name>{BUYER_NAME}</cbc:Name>"));
    l(3, "</cac:PartyName>");
    address(&mut l, BUYER_STREET, BUYER_CITY, BUYER_POSTCODE);
    l(3, "<cac:PartyTaxScheme>");
    l(
        4,
        &format!("<cbc:CompanyID>NO{BUYER_ORG}MVA</cbc:CompanyID>"),
    );
    l(4, "<cac:TaxScheme>");
    l(5, "<cbc:ID>VAT</cbc:ID>");
    l(4, "</cac:TaxScheme>");
    l(3, "</cac:PartyTaxScheme>");
    l(3, "<cac:PartyLegalEntity>");
    l(
        4,
        &format!("<cbc:RegistrationName>{BUYER_NAME}</cbc:RegistrationName>"),
    );
    l(
        4,
        &format!("<cbc:CompanyID schemeID=\"0192\">{BUYER_ORG}</cbc:CompanyID>"),
    );
    l(3, "</cac:PartyLegalEntity>");
    if let Some(contact) = inv.contact {
        l(3, "<cac:Contact>");
        l(4, &format!("<cbc:Name>{}</cbc:Name>", escape(contact)));
        l(3, "</cac:Contact>");
    }
    l(2, "</cac:Party>");
    l(1, "</cac:AccountingCustomerParty>");
    // Payment.
    l(1, "<cac:PaymentMeans>");
    l(
        2,
        "<cbc:PaymentMeansCode name=\"Credit transfer\">30</cbc:PaymentMeansCode>",
    );
    l(
        2,
        &format!(
            "<cbc:PaymentID>{}</cbc:PaymentID>",
            inv.kid.as_deref().unwrap_or(inv.number)
        ),
    );
    l(2, "<cac:PayeeFinancialAccount>");
    l(3, &format!("<cbc:ID>{}</cbc:ID>", s.account));
    l(2, "</cac:PayeeFinancialAccount>");
    l(1, "</cac:PaymentMeans>");
    l(1, "<cac:PaymentTerms>");
    l(
        2,
        &format!(
            "<cbc:Note>{} dager netto</cbc:Note>",
            (inv.due - inv.issue).whole_days()
        ),
    );
    l(1, "</cac:PaymentTerms>");
    // Tax.
    l(1, "<cac:TaxTotal>");
    l(
        2,
        &format!(
            "<cbc:TaxAmount currencyID=\"NOK\">{}</cbc:TaxAmount>",
            plain(inv.vat())
        ),
    );
    for g in inv.vat_groups() {
        l(2, "<cac:TaxSubtotal>");
        l(
            3,
            &format!(
                "<cbc:TaxableAmount currencyID=\"NOK\">{}</cbc:TaxableAmount>",
                plain(g.base)
            ),
        );
        l(
            3,
            &format!(
                "<cbc:TaxAmount currencyID=\"NOK\">{}</cbc:TaxAmount>",
                plain(g.vat)
            ),
        );
        l(3, "<cac:TaxCategory>");
        l(4, "<cbc:ID>S</cbc:ID>");
        l(4, &format!("<cbc:Percent>{}</cbc:Percent>", rate(g.rate)));
        l(4, "<cac:TaxScheme>");
        l(5, "<cbc:ID>VAT</cbc:ID>");
        l(4, "</cac:TaxScheme>");
        l(3, "</cac:TaxCategory>");
        l(2, "</cac:TaxSubtotal>");
    }
    l(1, "</cac:TaxTotal>");
    l(1, "<cac:LegalMonetaryTotal>");
    for (name, amount) in [
        ("LineExtensionAmount", inv.net()),
        ("TaxExclusiveAmount", inv.net()),
        ("TaxInclusiveAmount", inv.payable()),
        ("PayableAmount", inv.payable()),
    ] {
        l(
            2,
            &format!(
                "<cbc:{name} currencyID=\"NOK\">{}</cbc:{name}>",
                plain(amount)
            ),
        );
    }
    l(1, "</cac:LegalMonetaryTotal>");
    for (i, line) in inv.lines.iter().enumerate() {
        l(1, "<cac:InvoiceLine>");
        l(2, &format!("<cbc:ID>{}</cbc:ID>", i + 1));
        l(
            2,
            &format!(
                "<cbc:InvoicedQuantity unitCode=\"{}\">{}</cbc:InvoicedQuantity>",
                line.unit_code,
                line.quantity.normalize()
            ),
        );
        l(
            2,
            &format!(
                "<cbc:LineExtensionAmount currencyID=\"NOK\">{}</cbc:LineExtensionAmount>",
                plain(line.amount())
            ),
        );
        l(2, "<cac:Item>");
        l(
            3,
            &format!("<cbc:Name>{}</cbc:Name>", escape(line.description)),
        );
        l(3, "<cac:ClassifiedTaxCategory>");
        l(4, "<cbc:ID>S</cbc:ID>");
        l(
            4,
            &format!("<cbc:Percent>{}</cbc:Percent>", rate(line.vat_rate)),
        );
        l(4, "<cac:TaxScheme>");
        l(5, "<cbc:ID>VAT</cbc:ID>");
        l(4, "</cac:TaxScheme>");
        l(3, "</cac:ClassifiedTaxCategory>");
        l(2, "</cac:Item>");
        l(2, "<cac:Price>");
        l(
            3,
            &format!(
                "<cbc:PriceAmount currencyID=\"NOK\">{}</cbc:PriceAmount>",
                plain(line.price)
            ),
        );
        l(2, "</cac:Price>");
        l(1, "</cac:InvoiceLine>");
    }
    l(0, "</Invoice>");
    x
}

fn address(l: &mut impl FnMut(usize, &str), street: &str, city: &str, postcode: &str) {
    l(3, "<cac:PostalAddress>");
    l(
        4,
        &format!("<cbc:StreetName>{}</cbc:StreetName>", escape(street)),
    );
    l(4, &format!("<cbc:CityName>{}</cbc:CityName>", escape(city)));
    l(4, &format!("<cbc:PostalZone>{postcode}</cbc:PostalZone>"));
    l(4, "<cac:Country>");
    l(5, "<cbc:IdentificationCode>NO</cbc:IdentificationCode>");
    l(4, "</cac:Country>");
    l(3, "</cac:PostalAddress>");
}

/// A Factur-X 1.0 / ZUGFeRD 2 CrossIndustryInvoice, EN 16931 profile. The Norwegian account
/// is given as `ProprietaryID` (it is no IBAN), the organisation numbers with scheme 0192.
pub(crate) fn cii(inv: &Invoice) -> String {
    let s = &inv.supplier;
    let mut x = String::new();
    let mut l = |indent: usize, text: &str| {
        x.push_str(&"  ".repeat(indent));
        x.push_str(text);
        x.push('\n');
    };
    l(0, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    l(
        0,
        r#"<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">"#,
    );
    l(1, "<rsm:ExchangedDocumentContext>");
    l(2, "<ram:GuidelineSpecifiedDocumentContextParameter>");
    l(3, "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>");
    l(2, "</ram:GuidelineSpecifiedDocumentContextParameter>");
    l(1, "</rsm:ExchangedDocumentContext>");
    l(1, "<rsm:ExchangedDocument>");
    l(2, &format!("<ram:ID>{}</ram:ID>", escape(inv.number)));
    l(2, "<ram:TypeCode>380</ram:TypeCode>");
    l(2, "<ram:IssueDateTime>");
    l(
        3,
        &format!(
            "<udt:DateTimeString format=\"102\">{}</udt:DateTimeString>",
            compact(inv.issue)
        ),
    );
    l(2, "</ram:IssueDateTime>");
    l(1, "</rsm:ExchangedDocument>");
    l(1, "<rsm:SupplyChainTradeTransaction>");
    for (i, line) in inv.lines.iter().enumerate() {
        l(2, "<ram:IncludedSupplyChainTradeLineItem>");
        l(3, "<ram:AssociatedDocumentLineDocument>");
        l(4, &format!("<ram:LineID>{}</ram:LineID>", i + 1));
        l(3, "</ram:AssociatedDocumentLineDocument>");
        l(3, "<ram:SpecifiedTradeProduct>");
        l(
            4,
            &format!("<ram:Name>{}</ram:Name>", escape(line.description)),
        );
        l(3, "</ram:SpecifiedTradeProduct>");
        l(3, "<ram:SpecifiedLineTradeAgreement>");
        l(4, "<ram:NetPriceProductTradePrice>");
        l(
            5,
            &format!("<ram:ChargeAmount>{}</ram:ChargeAmount>", plain(line.price)),
        );
        l(4, "</ram:NetPriceProductTradePrice>");
        l(3, "</ram:SpecifiedLineTradeAgreement>");
        l(3, "<ram:SpecifiedLineTradeDelivery>");
        l(
            4,
            &format!(
                "<ram:BilledQuantity unitCode=\"{}\">{}</ram:BilledQuantity>",
                line.unit_code,
                line.quantity.normalize()
            ),
        );
        l(3, "</ram:SpecifiedLineTradeDelivery>");
        l(3, "<ram:SpecifiedLineTradeSettlement>");
        l(4, "<ram:ApplicableTradeTax>");
        l(5, "<ram:TypeCode>VAT</ram:TypeCode>");
        l(5, "<ram:CategoryCode>S</ram:CategoryCode>");
        l(
            5,
            &format!(
                "<ram:RateApplicablePercent>{}</ram:RateApplicablePercent>",
                rate(line.vat_rate)
            ),
        );
        l(4, "</ram:ApplicableTradeTax>");
        l(4, "<ram:SpecifiedTradeSettlementLineMonetarySummation>");
        l(
            5,
            &format!(
                "<ram:LineTotalAmount>{}</ram:LineTotalAmount>",
                plain(line.amount())
            ),
        );
        l(4, "</ram:SpecifiedTradeSettlementLineMonetarySummation>");
        l(3, "</ram:SpecifiedLineTradeSettlement>");
        l(2, "</ram:IncludedSupplyChainTradeLineItem>");
    }
    l(2, "<ram:ApplicableHeaderTradeAgreement>");
    if let Some(r) = inv.buyer_reference {
        l(
            3,
            &format!("<ram:BuyerReference>{}</ram:BuyerReference>", escape(r)),
        );
    }
    l(3, "<ram:SellerTradeParty>");
    l(4, &format!("<ram:Name>{}</ram:Name>", escape(s.name)));
    l(4, "<ram:SpecifiedLegalOrganization>");
    l(5, &format!("<ram:ID schemeID=\"0192\">{}</ram:ID>", s.org));
    l(4, "</ram:SpecifiedLegalOrganization>");
    l(4, "<ram:DefinedTradeContact>");
    if let Some(name) = inv.seller_reference {
        l(
            5,
            &format!("<ram:PersonName>{}</ram:PersonName>", escape(name)),
        );
    }
    l(5, "<ram:TelephoneUniversalCommunication>");
    l(
        6,
        &format!("<ram:CompleteNumber>{}</ram:CompleteNumber>", s.phone),
    );
    l(5, "</ram:TelephoneUniversalCommunication>");
    l(5, "<ram:EmailURIUniversalCommunication>");
    l(6, &format!("<ram:URIID>{}</ram:URIID>", s.email));
    l(5, "</ram:EmailURIUniversalCommunication>");
    l(4, "</ram:DefinedTradeContact>");
    cii_address(&mut l, s.postcode, s.street, s.city);
    cii_endpoint(&mut l, &s.org);
    l(4, "<ram:SpecifiedTaxRegistration>");
    l(
        5,
        &format!("<ram:ID schemeID=\"VA\">{}</ram:ID>", s.vat_id()),
    );
    l(4, "</ram:SpecifiedTaxRegistration>");
    l(3, "</ram:SellerTradeParty>");
    l(3, "<ram:BuyerTradeParty>");
    l(4, &format!("<ram:Name>{BUYER_NAME}</ram:Name>"));
    l(4, "<ram:SpecifiedLegalOrganization>");
    l(
        5,
        &format!("<ram:ID schemeID=\"0192\">{BUYER_ORG}</ram:ID>"),
    );
    l(4, "</ram:SpecifiedLegalOrganization>");
    if let Some(contact) = inv.contact {
        l(4, "<ram:DefinedTradeContact>");
        l(
            5,
            &format!("<ram:PersonName>{}</ram:PersonName>", escape(contact)),
        );
        l(4, "</ram:DefinedTradeContact>");
    }
    cii_address(&mut l, BUYER_POSTCODE, BUYER_STREET, BUYER_CITY);
    cii_endpoint(&mut l, BUYER_ORG);
    l(4, "<ram:SpecifiedTaxRegistration>");
    l(
        5,
        &format!("<ram:ID schemeID=\"VA\">NO{BUYER_ORG}MVA</ram:ID>"),
    );
    l(4, "</ram:SpecifiedTaxRegistration>");
    l(3, "</ram:BuyerTradeParty>");
    if let Some(o) = inv.order_reference {
        l(3, "<ram:BuyerOrderReferencedDocument>");
        l(
            4,
            &format!("<ram:IssuerAssignedID>{}</ram:IssuerAssignedID>", escape(o)),
        );
        l(3, "</ram:BuyerOrderReferencedDocument>");
    }
    l(2, "</ram:ApplicableHeaderTradeAgreement>");
    l(2, "<ram:ApplicableHeaderTradeDelivery/>");
    l(2, "<ram:ApplicableHeaderTradeSettlement>");
    if let Some(kid) = &inv.kid {
        l(
            3,
            &format!("<ram:PaymentReference>{kid}</ram:PaymentReference>"),
        );
    }
    l(3, "<ram:InvoiceCurrencyCode>NOK</ram:InvoiceCurrencyCode>");
    l(3, "<ram:SpecifiedTradeSettlementPaymentMeans>");
    l(4, "<ram:TypeCode>30</ram:TypeCode>");
    l(4, "<ram:PayeePartyCreditorFinancialAccount>");
    l(
        5,
        &format!("<ram:ProprietaryID>{}</ram:ProprietaryID>", s.account),
    );
    l(4, "</ram:PayeePartyCreditorFinancialAccount>");
    l(3, "</ram:SpecifiedTradeSettlementPaymentMeans>");
    for g in inv.vat_groups() {
        l(3, "<ram:ApplicableTradeTax>");
        l(
            4,
            &format!(
                "<ram:CalculatedAmount>{}</ram:CalculatedAmount>",
                plain(g.vat)
            ),
        );
        l(4, "<ram:TypeCode>VAT</ram:TypeCode>");
        l(
            4,
            &format!("<ram:BasisAmount>{}</ram:BasisAmount>", plain(g.base)),
        );
        l(4, "<ram:CategoryCode>S</ram:CategoryCode>");
        l(
            4,
            &format!(
                "<ram:RateApplicablePercent>{}</ram:RateApplicablePercent>",
                rate(g.rate)
            ),
        );
        l(3, "</ram:ApplicableTradeTax>");
    }
    l(3, "<ram:SpecifiedTradePaymentTerms>");
    l(
        4,
        &format!(
            "<ram:Description>{} dager netto</ram:Description>",
            (inv.due - inv.issue).whole_days()
        ),
    );
    l(4, "<ram:DueDateDateTime>");
    l(
        5,
        &format!(
            "<udt:DateTimeString format=\"102\">{}</udt:DateTimeString>",
            compact(inv.due)
        ),
    );
    l(4, "</ram:DueDateDateTime>");
    l(3, "</ram:SpecifiedTradePaymentTerms>");
    l(3, "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
    l(
        4,
        &format!(
            "<ram:LineTotalAmount>{}</ram:LineTotalAmount>",
            plain(inv.net())
        ),
    );
    l(
        4,
        &format!(
            "<ram:TaxBasisTotalAmount>{}</ram:TaxBasisTotalAmount>",
            plain(inv.net())
        ),
    );
    l(
        4,
        &format!(
            "<ram:TaxTotalAmount currencyID=\"NOK\">{}</ram:TaxTotalAmount>",
            plain(inv.vat())
        ),
    );
    l(
        4,
        &format!(
            "<ram:GrandTotalAmount>{}</ram:GrandTotalAmount>",
            plain(inv.payable())
        ),
    );
    l(
        4,
        &format!(
            "<ram:DuePayableAmount>{}</ram:DuePayableAmount>",
            plain(inv.payable())
        ),
    );
    l(3, "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
    l(2, "</ram:ApplicableHeaderTradeSettlement>");
    l(1, "</rsm:SupplyChainTradeTransaction>");
    l(0, "</rsm:CrossIndustryInvoice>");
    x
}

fn cii_address(l: &mut impl FnMut(usize, &str), postcode: &str, street: &str, city: &str) {
    l(4, "<ram:PostalTradeAddress>");
    l(
        5,
        &format!("<ram:PostcodeCode>{postcode}</ram:PostcodeCode>"),
    );
    l(5, &format!("<ram:LineOne>{}</ram:LineOne>", escape(street)));
    l(5, &format!("<ram:CityName>{}</ram:CityName>", escape(city)));
    l(5, "<ram:CountryID>NO</ram:CountryID>");
    l(4, "</ram:PostalTradeAddress>");
}

/// The party's electronic address (BT-34 / BT-49): its Peppol id under scheme 0192.
fn cii_endpoint(l: &mut impl FnMut(usize, &str), org: &str) {
    l(4, "<ram:URIUniversalCommunication>");
    l(
        5,
        &format!("<ram:URIID schemeID=\"0192\">{org}</ram:URIID>"),
    );
    l(4, "</ram:URIUniversalCommunication>");
}

/// The XMP packet of a Factur-X PDF (PDF/A-3B with the Factur-X extension schema).
pub(crate) fn factur_x_xmp(title: &str, producer: &str, created_iso: &str) -> String {
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <pdf:Producer>{producer}</pdf:Producer>
      <xmp:CreateDate>{created_iso}</xmp:CreateDate>
      <xmp:ModifyDate>{created_iso}</xmp:ModifyDate>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>DocumentFileName</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>name of the embedded XML invoice file</pdfaProperty:description>
                </rdf:li>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>DocumentType</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>INVOICE</pdfaProperty:description>
                </rdf:li>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>Version</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>The actual version of the Factur-X XML schema</pdfaProperty:description>
                </rdf:li>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>ConformanceLevel</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>The conformance level of the embedded Factur-X data</pdfaProperty:description>
                </rdf:li>
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
        title = escape(title),
        producer = escape(producer),
    )
}
