//! The fictional suppliers and their invoices. Organisation numbers and accounts get their
//! check digits computed; none is used by the EHF fixtures (`fixtures/ehf`), and no two
//! fixtures share a supplier, so no duplicate-invoice rule fires across fixtures.

use anyhow::Result;
use time::Date;
use time::macros::date;

use crate::checks::{bank_account, kid_mod10, kid_mod11, org_number};
use crate::invoice::{Invoice, Line, Supplier, d};

#[allow(clippy::too_many_arguments)]
fn supplier(
    name: &'static str,
    street: &'static str,
    postcode: &'static str,
    city: &'static str,
    org8: &str,
    account10: &str,
    phone: &'static str,
    email: &'static str,
) -> Result<Supplier> {
    Ok(Supplier {
        name,
        street,
        postcode,
        city,
        org: org_number(org8)?,
        account: bank_account(account10)?,
        phone,
        email,
    })
}

fn line(
    description: &'static str,
    quantity: &str,
    unit: &'static str,
    unit_code: &'static str,
    price: &str,
    vat_rate: &str,
) -> Line {
    Line {
        description,
        quantity: d(quantity),
        unit,
        unit_code,
        price: d(price),
        vat_rate: d(vat_rate),
    }
}

/// An invoice with no references and no KID; fill in what it prints.
fn invoice(
    supplier: Supplier,
    number: &'static str,
    issue: Date,
    due: Date,
    lines: Vec<Line>,
) -> Invoice {
    Invoice {
        supplier,
        number,
        issue,
        due,
        buyer_reference: None,
        seller_reference: None,
        order_reference: None,
        contact: None,
        kid: None,
        lines,
    }
}

/// 01: cleaning, one VAT rate; the VAT (5976.125) rounds half away from zero.
pub(crate) fn lysaker() -> Result<Invoice> {
    let s = supplier(
        "Lysaker Renhold AS",
        "Lysaker torg 12",
        "1366",
        "Lysaker",
        "91734528",
        "1503274418",
        "67 10 44 20",
        "faktura@lysakerrenhold.no",
    )?;
    let mut inv = invoice(
        s,
        "2026-0412",
        date!(2026 - 04 - 13),
        date!(2026 - 04 - 27),
        vec![
            line(
                "Kontorrenhold mars 2026",
                "1",
                "mnd",
                "MON",
                "18450.00",
                "25",
            ),
            line("Vindusvask 2. etasje", "6", "timer", "HUR", "695.00", "25"),
            line(
                "Forbruksmateriell (tørkepapir, såpe)",
                "1",
                "stk",
                "EA",
                "1284.50",
                "25",
            ),
        ],
    );
    inv.buyer_reference = Some("DT-FM-1180");
    inv.seller_reference = Some("Hanne Lie");
    inv.kid = Some(kid_mod10("0104470412")?);
    Ok(inv)
}

/// 02: the TIFF scan.
pub(crate) fn nordlys() -> Result<Invoice> {
    let s = supplier(
        "Nordlys Trykkeri AS",
        "Storgata 88",
        "9008",
        "Tromsø",
        "98451207",
        "4750106233",
        "77 61 20 50",
        "post@nordlystrykk.no",
    )?;
    let mut inv = invoice(
        s,
        "4471",
        date!(2026 - 04 - 14),
        date!(2026 - 05 - 14),
        vec![
            line(
                "Visittkort, 4 ansatte à 250",
                "4",
                "pk",
                "XPK",
                "389.00",
                "25",
            ),
            line("Konvolutter C5 med logo", "2000", "stk", "EA", "1.85", "25"),
            line("Roll-up 85x200 cm", "2", "stk", "EA", "1490.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-MARK-07");
    inv.kid = Some(kid_mod10("00044712")?);
    Ok(inv)
}

/// 03: consultancy; sent with a separate timesheet PDF.
pub(crate) fn brattli() -> Result<Invoice> {
    let s = supplier(
        "Brattli Konsulent AS",
        "Kongens gate 14",
        "7011",
        "Trondheim",
        "92658413",
        "4202451187",
        "73 52 18 90",
        "regnskap@brattli-konsulent.no",
    )?;
    let mut inv = invoice(
        s,
        "26-118",
        date!(2026 - 04 - 02),
        date!(2026 - 05 - 02),
        vec![
            line(
                "Rådgivning ERP-innføring, mars",
                "37.5",
                "timer",
                "HUR",
                "1450.00",
                "25",
            ),
            line(
                "Reisekostnader Trondheim-Oslo",
                "1",
                "stk",
                "EA",
                "2318.00",
                "25",
            ),
        ],
    );
    inv.buyer_reference = Some("DT-IT-4502");
    inv.seller_reference = Some("Ola Brattli");
    inv.order_reference = Some("PO-2026-0121");
    inv.kid = Some(kid_mod10("2600118")?);
    Ok(inv)
}

/// 04: electrical work, sent with an Excel specification.
pub(crate) fn sagvik() -> Result<Invoice> {
    let s = supplier(
        "Sagvik Elektro AS",
        "Industriveien 7",
        "1481",
        "Hagan",
        "99120374",
        "1607330945",
        "67 06 51 00",
        "faktura@sagvik-elektro.no",
    )?;
    let mut inv = invoice(
        s,
        "50217",
        date!(2026 - 04 - 07),
        date!(2026 - 04 - 21),
        vec![
            line(
                "Elektrikerarbeid, montør",
                "14",
                "timer",
                "HUR",
                "845.00",
                "25",
            ),
            line(
                "Materiell iht. spesifikasjon",
                "1",
                "stk",
                "EA",
                "6732.40",
                "25",
            ),
        ],
    );
    inv.buyer_reference = Some("DT-FM-1175");
    inv.order_reference = Some("PO-2026-0098");
    inv.kid = Some(kid_mod11("5021700")?);
    Ok(inv)
}

/// 05: only as a Word document.
pub(crate) fn hammerstad() -> Result<Invoice> {
    let s = supplier(
        "Hammerstad Bygg AS",
        "Ringveien 41",
        "2815",
        "Gjøvik",
        "91398265",
        "2050178823",
        "61 13 70 40",
        "kontor@hammerstadbygg.no",
    )?;
    let mut inv = invoice(
        s,
        "2026-031",
        date!(2026 - 04 - 08),
        date!(2026 - 05 - 08),
        vec![
            line(
                "Montering av glassvegg, møterom 3",
                "1",
                "stk",
                "EA",
                "38500.00",
                "25",
            ),
            line("Tømrer, timer", "16", "timer", "HUR", "780.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-FM-1169");
    Ok(inv)
}

/// 07: coffee for the office, sent from Outlook with a logo in the signature.
pub(crate) fn kvitfjell() -> Result<Invoice> {
    let s = supplier(
        "Kvitfjell Kaffe AS",
        "Gudbrandsdalsvegen 402",
        "2634",
        "Fåvang",
        "92874150",
        "2090314673",
        "61 28 44 10",
        "kundeservice@kvitfjellkaffe.no",
    )?;
    let mut inv = invoice(
        s,
        "KK-88120",
        date!(2026 - 04 - 09),
        date!(2026 - 04 - 23),
        vec![
            line(
                "Kaffebønner Kvitfjell Mørk 1 kg",
                "12",
                "pk",
                "XPK",
                "329.00",
                "15",
            ),
            line(
                "Leie kaffemaskin Jura X8, april",
                "1",
                "mnd",
                "MON",
                "1150.00",
                "25",
            ),
            line("Service og avkalking", "1", "stk", "EA", "690.00", "25"),
        ],
    );
    inv.order_reference = Some("PO-2026-0133");
    inv.contact = Some("Silje Nakken");
    inv.kid = Some(kid_mod11("0881204")?);
    Ok(inv)
}

/// 08: catering, food at 15 % and room hire at 25 %; forwarded by an employee.
pub(crate) fn tindeglimt() -> Result<Invoice> {
    let s = supplier(
        "Tindeglimt Catering AS",
        "Thorvald Meyers gate 55",
        "0555",
        "Oslo",
        "99603218",
        "1254077361",
        "22 35 60 70",
        "faktura@tindeglimt.no",
    )?;
    let mut inv = invoice(
        s,
        "10387",
        date!(2026 - 04 - 10),
        date!(2026 - 05 - 10),
        vec![
            line(
                "Lunsjbuffet, styremøte 9. april",
                "18",
                "kuvert",
                "EA",
                "245.00",
                "15",
            ),
            line("Kaffe, te og frukt", "18", "kuvert", "EA", "59.90", "15"),
            line(
                "Servering og oppdekking",
                "3",
                "timer",
                "HUR",
                "520.00",
                "25",
            ),
            line("Leie av servise", "1", "stk", "EA", "450.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-ADM-0409");
    inv.seller_reference = Some("Mona Rustad");
    inv.kid = Some(kid_mod10("1038700")?);
    Ok(inv)
}

/// 09: machine parts; the file name carries æøå (RFC 2231).
pub(crate) fn ornes() -> Result<Invoice> {
    let s = supplier(
        "Ørnes Maskin AS",
        "Havnegata 3",
        "8150",
        "Ørnes",
        "91245786",
        "4509218834",
        "75 71 12 00",
        "faktura@ornesmaskin.no",
    )?;
    let mut inv = invoice(
        s,
        "ØM-2026-0207",
        date!(2026 - 04 - 10),
        date!(2026 - 05 - 10),
        vec![
            line(
                "Hydraulikkslange 1/2\" x 2 m",
                "6",
                "stk",
                "EA",
                "412.50",
                "25",
            ),
            line("Lagersett SKF 6205-2RS", "10", "stk", "EA", "87.90", "25"),
            line("Frakt", "1", "stk", "EA", "390.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-DRIFT-311");
    inv.seller_reference = Some("Terje Ørnes");
    inv.kid = Some(kid_mod10("2026020700")?);
    Ok(inv)
}

/// 10: plumbing; the mail comes with ISO-8859-1 headers and body.
pub(crate) fn saether() -> Result<Invoice> {
    let s = supplier(
        "Sæther Rør & Varme AS",
        "Åsveien 19",
        "1430",
        "Ås",
        "98732941",
        "1602478853",
        "64 94 20 11",
        "bjorn@saether-ror.no",
    )?;
    let mut inv = invoice(
        s,
        "1893",
        date!(2026 - 04 - 13),
        date!(2026 - 04 - 27),
        vec![
            line(
                "Rørleggerarbeid, kjøkken 4. etg.",
                "7.5",
                "timer",
                "HUR",
                "890.00",
                "25",
            ),
            line(
                "Blandebatteri Oras Optima",
                "2",
                "stk",
                "EA",
                "2149.00",
                "25",
            ),
            line("Kjøring", "1", "stk", "EA", "450.00", "25"),
        ],
    );
    inv.order_reference = Some("PO-2026-0140");
    inv.seller_reference = Some("Bjørn Sæther");
    Ok(inv)
}

/// 11: IT services; FlateDecode-compressed content, boxed field layout, ungrouped amounts.
pub(crate) fn gronli() -> Result<Invoice> {
    let s = supplier(
        "Grønli Data AS",
        "Teknologiveien 22",
        "2815",
        "Gjøvik",
        "92517368",
        "2080194526",
        "61 17 90 00",
        "billing@gronlidata.no",
    )?;
    let mut inv = invoice(
        s,
        "GD26188",
        date!(2026 - 04 - 14),
        date!(2026 - 05 - 14),
        vec![
            line(
                "Microsoft 365 Business Premium",
                "45",
                "lisens",
                "EA",
                "243.10",
                "25",
            ),
            line(
                "Drift og overvåking server, april",
                "1",
                "mnd",
                "MON",
                "4900.00",
                "25",
            ),
            line("Ekstra lagring 500 GB", "3", "stk", "EA", "129.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-IT-4471");
    inv.seller_reference = Some("Kristoffer Grønli");
    inv.kid = Some(kid_mod10("9318800261")?);
    Ok(inv)
}

/// 12: inside a ZIP archive named `faktura.pdf`.
pub(crate) fn vestby() -> Result<Invoice> {
    let s = supplier(
        "Vestby Papir AS",
        "Deliveien 5",
        "1540",
        "Vestby",
        "99845120",
        "1506245017",
        "64 95 33 00",
        "ordre@vestbypapir.no",
    )?;
    let mut inv = invoice(
        s,
        "VP-77120",
        date!(2026 - 04 - 14),
        date!(2026 - 05 - 14),
        vec![
            line(
                "Kopipapir A4 80 g, eske à 5 pk",
                "20",
                "eske",
                "XBX",
                "239.00",
                "25",
            ),
            line("Tonerkassett HP 59X", "4", "stk", "EA", "2190.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-ADM-0412");
    inv.kid = Some(kid_mod10("7712000")?);
    Ok(inv)
}

/// 13: legal services, PDF encrypted with a user password.
pub(crate) fn solheim() -> Result<Invoice> {
    let s = supplier(
        "Solheim Advokatfirma AS",
        "Haakon VIIs gate 6",
        "0161",
        "Oslo",
        "91876203",
        "6011052298",
        "22 40 18 00",
        "post@solheimadvokat.no",
    )?;
    let mut inv = invoice(
        s,
        "2026-00219",
        date!(2026 - 04 - 15),
        date!(2026 - 05 - 15),
        vec![line(
            "Juridisk bistand, leiekontrakt Sandakerveien",
            "8.5",
            "timer",
            "HUR",
            "2650.00",
            "25",
        )],
    );
    inv.buyer_reference = Some("DT-JUR-0042");
    inv.seller_reference = Some("Advokat Eva Solheim");
    Ok(inv)
}

/// 14: freight; the PDF arrives cut short.
pub(crate) fn rypefjord() -> Result<Invoice> {
    let s = supplier(
        "Rypefjord Frakt AS",
        "Fiskerveien 30",
        "9610",
        "Rypefjord",
        "98215637",
        "4901207734",
        "78 41 55 10",
        "faktura@rypefjordfrakt.no",
    )?;
    let mut inv = invoice(
        s,
        "RF-5532",
        date!(2026 - 04 - 15),
        date!(2026 - 04 - 29),
        vec![
            line(
                "Transport Hammerfest-Oslo, 2 paller",
                "2",
                "pall",
                "XPX",
                "3150.00",
                "25",
            ),
            line("Drivstofftillegg", "1", "stk", "EA", "504.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-LAG-0217");
    inv.kid = Some(kid_mod10("55320000")?);
    Ok(inv)
}

/// 15: industrial supplies; Factur-X (EN 16931) embedded.
pub(crate) fn alvheim() -> Result<Invoice> {
    let s = supplier(
        "Alvheim Industri AS",
        "Verkstedveien 11",
        "4016",
        "Stavanger",
        "92390481",
        "3201457781",
        "51 84 30 00",
        "invoice@alvheim-industri.no",
    )?;
    let mut inv = invoice(
        s,
        "AI-2026-0342",
        date!(2026 - 04 - 15),
        date!(2026 - 05 - 15),
        vec![
            line(
                "Arbeidshansker Nitril, str. 9",
                "24",
                "par",
                "PR",
                "64.50",
                "25",
            ),
            line(
                "Verneklær, kjeledress str. L",
                "6",
                "stk",
                "EA",
                "895.00",
                "25",
            ),
            line(
                "Førstehjelpsskap, komplett",
                "2",
                "stk",
                "EA",
                "1745.00",
                "25",
            ),
        ],
    );
    inv.buyer_reference = Some("DT-HMS-0031");
    inv.seller_reference = Some("Ingrid Alvheim");
    inv.order_reference = Some("PO-2026-0152");
    inv.kid = Some(kid_mod11("0342001")?);
    Ok(inv)
}

/// 17: carpentry; prints no reference at all.
pub(crate) fn tverras() -> Result<Invoice> {
    let s = supplier(
        "Tverrås Snekkeri AS",
        "Sagbruksvegen 4",
        "3550",
        "Gol",
        "99471825",
        "2351409962",
        "32 07 41 60",
        "post@tverras-snekkeri.no",
    )?;
    let mut inv = invoice(
        s,
        "T-2026-057",
        date!(2026 - 04 - 15),
        date!(2026 - 05 - 15),
        vec![
            line(
                "Skranke resepsjon, eik, spesialtilpasset",
                "1",
                "stk",
                "EA",
                "42800.00",
                "25",
            ),
            line("Montering", "6", "timer", "HUR", "720.00", "25"),
        ],
    );
    inv.kid = Some(kid_mod10("2026057")?);
    Ok(inv)
}

/// 18: office services; the mail's text trips mail-parser 0.11.
pub(crate) fn lindeberg() -> Result<Invoice> {
    let s = supplier(
        "Lindeberg Kontorservice AS",
        "Strømsveien 266",
        "1081",
        "Oslo",
        "91604372",
        "1280174539",
        "22 30 81 50",
        "faktura@lindeberg-kontor.no",
    )?;
    let mut inv = invoice(
        s,
        "LK-3391",
        date!(2026 - 04 - 16),
        date!(2026 - 05 - 16),
        vec![
            line(
                "Arkivering og skanning, april",
                "12",
                "timer",
                "HUR",
                "615.00",
                "25",
            ),
            line(
                "Makulering, 240 l beholder",
                "3",
                "stk",
                "EA",
                "485.00",
                "25",
            ),
        ],
    );
    inv.buyer_reference = Some("DT-ADM-0419");
    inv.contact = Some("Marte Haugen");
    inv.kid = Some(kid_mod10("339100")?);
    Ok(inv)
}

/// 19: inside a bounce of our own reply.
pub(crate) fn bakken() -> Result<Invoice> {
    let s = supplier(
        "Bakken Frukt og Grønt AS",
        "Økernveien 145",
        "0580",
        "Oslo",
        "98067215",
        "1594108826",
        "22 64 31 00",
        "regnskap@bakkenfrukt.no",
    )?;
    let mut inv = invoice(
        s,
        "BF-26-1193",
        date!(2026 - 04 - 08),
        date!(2026 - 04 - 22),
        vec![line(
            "Fruktkurv kontor, uke 14",
            "4",
            "stk",
            "EA",
            "349.00",
            "15",
        )],
    );
    inv.kid = Some(kid_mod10("2611930")?);
    Ok(inv)
}

/// 20: glass works; the PDF is a scan (image only).
pub(crate) fn holmen() -> Result<Invoice> {
    let s = supplier(
        "Holmen Glass AS",
        "Holmensvingen 9",
        "1394",
        "Nesbru",
        "92946035",
        "1644302217",
        "66 84 20 90",
        "faktura@holmenglass.no",
    )?;
    let mut inv = invoice(
        s,
        "H-10442",
        date!(2026 - 04 - 16),
        date!(2026 - 05 - 16),
        vec![
            line(
                "Utskifting knust rute, 120x180",
                "1",
                "stk",
                "EA",
                "6400.00",
                "25",
            ),
            line("Glassmester, timer", "3", "timer", "HUR", "850.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-FM-1191");
    inv.kid = Some(kid_mod10("1044200")?);
    Ok(inv)
}

/// 21: tools; the PDF carries its EHF (UBL) invoice.
pub(crate) fn eidsvoll() -> Result<Invoice> {
    let s = supplier(
        "Eidsvoll Verktøy AS",
        "Nordre gate 2",
        "2080",
        "Eidsvoll",
        "99258746",
        "1822094471",
        "63 95 14 00",
        "efaktura@eidsvollverktoy.no",
    )?;
    let mut inv = invoice(
        s,
        "EV-2026-1187",
        date!(2026 - 04 - 16),
        date!(2026 - 05 - 16),
        vec![
            line(
                "Drill Makita DHP486, 18V",
                "2",
                "stk",
                "EA",
                "2890.00",
                "25",
            ),
            line("Bitssett 100 deler", "2", "stk", "EA", "349.50", "25"),
            line("Arbeidslampe LED 20W", "4", "stk", "EA", "412.25", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-DRIFT-322");
    inv.order_reference = Some("PO-2026-0158");
    inv.seller_reference = Some("Lars Eid");
    inv.kid = Some(kid_mod10("11870026")?);
    Ok(inv)
}

/// 23: sent as a bare EHF XML attachment.
pub(crate) fn lunde() -> Result<Invoice> {
    let s = supplier(
        "Lunde IT-Service AS",
        "Bryggegata 8",
        "3111",
        "Tønsberg",
        "91523690",
        "2400186637",
        "33 30 12 40",
        "faktura@lunde-it.no",
    )?;
    let mut inv = invoice(
        s,
        "LIT-26-0311",
        date!(2026 - 04 - 17),
        date!(2026 - 05 - 17),
        vec![
            line("Support, april", "1", "mnd", "MON", "8900.00", "25"),
            line("Utskifting PC-skjermer", "4", "stk", "EA", "2450.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-IT-4519");
    inv.kid = Some(kid_mod10("2603110")?);
    Ok(inv)
}

/// 24: two invoices looped back from our own address.
pub(crate) fn moen() -> Result<Invoice> {
    let s = supplier(
        "Moen Kantine AS",
        "Nydalsveien 30",
        "0484",
        "Oslo",
        "98340567",
        "1503366120",
        "22 02 45 80",
        "faktura@moenkantine.no",
    )?;
    let mut inv = invoice(
        s,
        "MK-2026-0088",
        date!(2026 - 04 - 01),
        date!(2026 - 04 - 15),
        vec![line(
            "Kantinedrift mars 2026",
            "1",
            "mnd",
            "MON",
            "31250.00",
            "25",
        )],
    );
    inv.buyer_reference = Some("DT-ADM-0401");
    Ok(inv)
}

pub(crate) fn skaret() -> Result<Invoice> {
    let s = supplier(
        "Skaret Vaktservice AS",
        "Brynsveien 12",
        "0667",
        "Oslo",
        "92081439",
        "1520417791",
        "22 72 60 00",
        "faktura@skaretvakt.no",
    )?;
    let mut inv = invoice(
        s,
        "SV-44810",
        date!(2026 - 04 - 01),
        date!(2026 - 05 - 01),
        vec![
            line(
                "Vakthold, nattrunder mars",
                "31",
                "stk",
                "EA",
                "395.00",
                "25",
            ),
            line("Alarmutrykning 17.03.", "1", "stk", "EA", "1450.00", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-FM-1162");
    inv.kid = Some(kid_mod10("4481000")?);
    Ok(inv)
}

/// 25: electricity, from a billing system that marks its mail auto-generated.
pub(crate) fn glommen() -> Result<Invoice> {
    let s = supplier(
        "Glommen Kraft AS",
        "Kraftstasjonsveien 1",
        "2420",
        "Trysil",
        "99716302",
        "1870255643",
        "62 45 00 00",
        "kundeservice@glommenkraft.no",
    )?;
    let mut inv = invoice(
        s,
        "700184432",
        date!(2026 - 04 - 17),
        date!(2026 - 05 - 04),
        vec![
            line(
                "Strøm mars, spotpris + påslag",
                "18742",
                "kWh",
                "KWH",
                "1.12",
                "25",
            ),
            line("Fastbeløp", "1", "mnd", "MON", "49.00", "25"),
            line("Elsertifikater", "18742", "kWh", "KWH", "0.02", "25"),
        ],
    );
    inv.buyer_reference = Some("DT-FM-0005");
    inv.kid = Some(kid_mod10("00070018443")?);
    Ok(inv)
}
