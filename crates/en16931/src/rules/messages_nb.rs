//! Bokmål texts for the accounts payable clerk and the supplier, for every official rule that
//! has no hand-written pair in `messages.rs`: all fatal rules and all warnings, except the
//! UBL-CR warnings for elements EN16931 does not use (their text is generated from the path).
//!
//! Written for the person who must act: what is missing or wrong, named with the AP words a
//! clerk uses and the business term (BT-/BG-) the supplier's system knows. The English shown
//! beside a text is the rule's own description.

/// Rule id → bokmål text, sorted by id (byte order) so that [`nb`] can search it.
pub(super) const NB: &[(&str, &str)] = &[
    (
        "BR-01",
        "Fakturaen mangler spesifikasjonsidentifikator (BT-24), som viser hvilket regelverk den følger.",
    ),
    ("BR-02", "Fakturaen mangler fakturanummer (BT-1)."),
    ("BR-03", "Fakturaen mangler fakturadato (BT-2)."),
    (
        "BR-04",
        "Fakturaen mangler typekode (BT-3), som viser om dokumentet er en faktura eller en kreditnota.",
    ),
    ("BR-05", "Fakturaen mangler valutakode (BT-5)."),
    ("BR-08", "Leverandørens postadresse (BG-5) mangler."),
    (
        "BR-09",
        "Leverandørens postadresse mangler landkode (BT-40).",
    ),
    ("BR-10", "Kjøpers postadresse (BG-8) mangler."),
    ("BR-11", "Kjøpers postadresse mangler landkode (BT-55)."),
    (
        "BR-12",
        "Totalene mangler summen av beløpene på fakturalinjene (BT-106).",
    ),
    ("BR-13", "Totalene mangler beløp uten mva (BT-109)."),
    ("BR-14", "Totalene mangler beløp med mva (BT-112)."),
    ("BR-15", "Totalene mangler beløp å betale (BT-115)."),
    (
        "BR-17",
        "En egen betalingsmottaker (BG-10) må ha navn (BT-59) og skal bare oppgis når den er en annen enn leverandøren.",
    ),
    (
        "BR-18",
        "Leverandørens avgiftsrepresentant mangler navn (BT-62).",
    ),
    (
        "BR-19",
        "Leverandørens avgiftsrepresentant mangler postadresse (BG-12).",
    ),
    (
        "BR-20",
        "Postadressen til leverandørens avgiftsrepresentant mangler landkode (BT-69).",
    ),
    ("BR-21", "En fakturalinje mangler linjenummer (BT-126)."),
    ("BR-22", "En fakturalinje mangler antall (BT-129)."),
    (
        "BR-23",
        "Antallet på en fakturalinje mangler enhetskode (BT-130).",
    ),
    (
        "BR-24",
        "En fakturalinje mangler linjebeløp uten mva (BT-131).",
    ),
    ("BR-25", "En fakturalinje mangler varenavn (BT-153)."),
    (
        "BR-26",
        "En fakturalinje mangler nettopris for varen (BT-146).",
    ),
    (
        "BR-27",
        "Nettoprisen på en vare (BT-146) kan ikke være negativ.",
    ),
    (
        "BR-28",
        "Bruttoprisen på en vare (BT-148) kan ikke være negativ.",
    ),
    (
        "BR-29",
        "Fakturaperioden slutter (BT-74) før den starter (BT-73).",
    ),
    (
        "BR-30",
        "Perioden på en fakturalinje slutter (BT-135) før den starter (BT-134).",
    ),
    ("BR-31", "En rabatt på fakturanivå mangler beløp (BT-92)."),
    (
        "BR-32",
        "En rabatt på fakturanivå mangler mva-kategori (BT-95).",
    ),
    (
        "BR-33",
        "En rabatt på fakturanivå mangler årsak, som tekst (BT-97) eller kode (BT-98).",
    ),
    (
        "BR-36",
        "Et gebyr/tillegg på fakturanivå mangler beløp (BT-99).",
    ),
    (
        "BR-37",
        "Et gebyr/tillegg på fakturanivå mangler mva-kategori (BT-102).",
    ),
    (
        "BR-38",
        "Et gebyr/tillegg på fakturanivå mangler årsak, som tekst (BT-104) eller kode (BT-105).",
    ),
    (
        "BR-41",
        "En rabatt på en fakturalinje mangler beløp (BT-136).",
    ),
    (
        "BR-42",
        "En rabatt på en fakturalinje mangler årsak, som tekst (BT-139) eller kode (BT-140).",
    ),
    (
        "BR-43",
        "Et gebyr/tillegg på en fakturalinje mangler beløp (BT-141).",
    ),
    (
        "BR-44",
        "Et gebyr/tillegg på en fakturalinje mangler årsak, som tekst (BT-144) eller kode (BT-145).",
    ),
    (
        "BR-45",
        "En gruppe i mva-spesifikasjonen mangler grunnlag, det vil si beløp uten mva (BT-116).",
    ),
    (
        "BR-46",
        "En gruppe i mva-spesifikasjonen mangler mva-beløp (BT-117).",
    ),
    (
        "BR-47",
        "En gruppe i mva-spesifikasjonen mangler mva-kategori (BT-118).",
    ),
    (
        "BR-48",
        "En gruppe i mva-spesifikasjonen mangler mva-sats (BT-119); bare kategori O (utenfor mva-området) kan være uten sats.",
    ),
    (
        "BR-49",
        "Betalingsinformasjonen mangler kode for betalingsmåte (BT-81).",
    ),
    (
        "BR-50",
        "Betalingsinformasjonen for overføring til konto mangler kontonummer (BT-84).",
    ),
    (
        "BR-51",
        "Kortnummeret bør være maskert, slik at høyst de 6 første og de 4 siste sifrene vises.",
    ),
    (
        "BR-52",
        "Et vedlegg eller tilleggsdokument mangler referanse (BT-122).",
    ),
    (
        "BR-53",
        "Fakturaen oppgir egen valuta for mva-regnskapet, men mangler total mva i den valutaen (BT-111).",
    ),
    (
        "BR-54",
        "En vareegenskap må ha både navn (BT-160) og verdi (BT-161).",
    ),
    (
        "BR-55",
        "Henvisningen til en tidligere faktura mangler fakturanummeret (BT-25).",
    ),
    (
        "BR-56",
        "Leverandørens avgiftsrepresentant mangler mva-nummer (BT-63).",
    ),
    ("BR-57", "Leveringsadressen mangler landkode (BT-80)."),
    (
        "BR-62",
        "Leverandørens elektroniske adresse (EndpointID, BT-34) mangler skjema-ID, for eksempel 0192 for organisasjonsnummer.",
    ),
    (
        "BR-63",
        "Kjøpers elektroniske adresse (EndpointID, BT-49) mangler skjema-ID, for eksempel 0192 for organisasjonsnummer.",
    ),
    (
        "BR-64",
        "Varens standardidentifikator (BT-157), for eksempel et GTIN, mangler skjema-ID.",
    ),
    (
        "BR-65",
        "Varens klassifiseringskode (BT-158) mangler kodeliste-ID.",
    ),
    (
        "BR-66",
        "Fakturaen oppgir mer enn ett betalingskort (BG-18); høyst ett er tillatt.",
    ),
    (
        "BR-67",
        "Fakturaen oppgir mer enn ett mandat for direktedebet/avtalegiro (BG-19); høyst ett er tillatt.",
    ),
    (
        "BR-AE-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori AE (omvendt avgiftsplikt) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-AE-02",
        "En fakturalinje med mva-kategori AE (omvendt avgiftsplikt) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48) eller organisasjonsnummer (BT-47).",
    ),
    (
        "BR-AE-03",
        "En rabatt på fakturanivå med mva-kategori AE (omvendt avgiftsplikt) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48) eller organisasjonsnummer (BT-47).",
    ),
    (
        "BR-AE-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori AE (omvendt avgiftsplikt) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48) eller organisasjonsnummer (BT-47).",
    ),
    (
        "BR-AE-05",
        "En fakturalinje med mva-kategori AE (omvendt avgiftsplikt) må ha mva-sats 0.",
    ),
    (
        "BR-AE-06",
        "En rabatt på fakturanivå med mva-kategori AE (omvendt avgiftsplikt) må ha mva-sats 0.",
    ),
    (
        "BR-AE-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori AE (omvendt avgiftsplikt) må ha mva-sats 0.",
    ),
    (
        "BR-AE-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori AE (omvendt avgiftsplikt) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-AE-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori AE (omvendt avgiftsplikt) må være 0.",
    ),
    (
        "BR-AE-10",
        "Gruppen for mva-kategori AE (omvendt avgiftsplikt) i mva-spesifikasjonen mangler fritaksgrunn, som tekst (BT-120) eller kode (BT-121).",
    ),
    (
        "BR-AF-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori L (IGIC, Kanariøyene) må ha minst én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-AF-02",
        "En fakturalinje med mva-kategori L (IGIC, Kanariøyene) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AF-03",
        "En rabatt på fakturanivå med mva-kategori L (IGIC, Kanariøyene) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AF-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori L (IGIC, Kanariøyene) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AF-05",
        "En fakturalinje med mva-kategori L (IGIC, Kanariøyene) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AF-06",
        "En rabatt på fakturanivå med mva-kategori L (IGIC, Kanariøyene) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AF-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori L (IGIC, Kanariøyene) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AF-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori L (IGIC, Kanariøyene) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori og samme mva-sats.",
    ),
    (
        "BR-AF-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori L (IGIC, Kanariøyene) er ikke grunnlaget ganger mva-satsen.",
    ),
    (
        "BR-AF-10",
        "Gruppen for mva-kategori L (IGIC, Kanariøyene) i mva-spesifikasjonen skal ikke ha fritaksgrunn (BT-120/BT-121).",
    ),
    (
        "BR-AG-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori M (IPSI, Ceuta og Melilla) må ha minst én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-AG-02",
        "En fakturalinje med mva-kategori M (IPSI, Ceuta og Melilla) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AG-03",
        "En rabatt på fakturanivå med mva-kategori M (IPSI, Ceuta og Melilla) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AG-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori M (IPSI, Ceuta og Melilla) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-AG-05",
        "En fakturalinje med mva-kategori M (IPSI, Ceuta og Melilla) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AG-06",
        "En rabatt på fakturanivå med mva-kategori M (IPSI, Ceuta og Melilla) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AG-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori M (IPSI, Ceuta og Melilla) kan ikke ha negativ mva-sats.",
    ),
    (
        "BR-AG-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori M (IPSI, Ceuta og Melilla) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori og samme mva-sats.",
    ),
    (
        "BR-AG-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori M (IPSI, Ceuta og Melilla) er ikke grunnlaget ganger mva-satsen.",
    ),
    (
        "BR-AG-10",
        "Gruppen for mva-kategori M (IPSI, Ceuta og Melilla) i mva-spesifikasjonen skal ikke ha fritaksgrunn (BT-120/BT-121).",
    ),
    (
        "BR-B-01",
        "Mva-kategori B (delt betaling) kan bare brukes på innenlandske italienske fakturaer.",
    ),
    (
        "BR-B-02",
        "En faktura med mva-kategori B (delt betaling) kan ikke også ha mva-kategori S.",
    ),
    (
        "BR-CL-01",
        "Typekoden (BT-3) er ugyldig; den må være en kode for faktura (som 380) eller kreditnota (som 381) fra UNTDID 1001.",
    ),
    (
        "BR-CL-03",
        "Valutakoden på et beløp er ikke en gyldig ISO 4217-kode (som NOK).",
    ),
    (
        "BR-CL-04",
        "Fakturaens valutakode (BT-5) er ikke en gyldig ISO 4217-kode (som NOK).",
    ),
    (
        "BR-CL-05",
        "Valutakoden for mva-regnskapet (BT-6) er ikke en gyldig ISO 4217-kode.",
    ),
    (
        "BR-CL-06",
        "Koden for mva-tidspunkt (BT-8) må være 3, 35 eller 432 (UNTDID 2005).",
    ),
    (
        "BR-CL-07",
        "Skjema-ID for fakturert objekt (BT-18) er ikke en gyldig kode fra UNTDID 1153.",
    ),
    (
        "BR-CL-08",
        "Emnekoden i en merknad på fakturaen (#kode#tekst) er ikke en gyldig kode fra UNTDID 4451.",
    ),
    (
        "BR-CL-10",
        "Skjema-ID for identifikatoren til en part er ugyldig; den må komme fra ISO 6523 (eller være SEPA for leverandør og betalingsmottaker).",
    ),
    (
        "BR-CL-11",
        "Skjema-ID for et organisasjonsnummer (juridisk registrering) er ikke en gyldig ISO 6523-kode (som 0192).",
    ),
    (
        "BR-CL-13",
        "Kodeliste-ID for varens klassifiseringskode er ikke en gyldig kode fra UNTDID 7143.",
    ),
    (
        "BR-CL-14",
        "En landkode er ugyldig; den må være en ISO 3166-1-kode (som NO).",
    ),
    (
        "BR-CL-15",
        "Varens opprinnelsesland er ikke en gyldig ISO 3166-1-landkode.",
    ),
    (
        "BR-CL-16",
        "Koden for betalingsmåte (BT-81) er ikke en gyldig kode fra UNTDID 4461 (som 30 for overføring til konto).",
    ),
    (
        "BR-CL-17",
        "Mva-kategorien i mva-spesifikasjonen er ikke en gyldig kode (UNTDID 5305 slik EN 16931 begrenser den, som S, Z, E, AE, K, G eller O).",
    ),
    (
        "BR-CL-18",
        "Mva-kategorien på en fakturalinje er ikke en gyldig kode (UNTDID 5305 slik EN 16931 begrenser den, som S, Z, E, AE, K, G eller O).",
    ),
    (
        "BR-CL-19",
        "Årsakskoden for en rabatt er ikke en gyldig kode fra UNTDID 5189.",
    ),
    (
        "BR-CL-20",
        "Årsakskoden for et gebyr/tillegg er ikke en gyldig kode fra UNTDID 7161.",
    ),
    (
        "BR-CL-21",
        "Skjema-ID for varens standardidentifikator er ikke en gyldig ISO 6523-kode (som 0160 for GTIN).",
    ),
    (
        "BR-CL-22",
        "Koden for mva-fritaksgrunn er ikke en gyldig kode fra VATEX-listen.",
    ),
    (
        "BR-CL-23",
        "Enhetskoden er ugyldig; den må komme fra UN/ECE Recommendation 20 eller 21 (som EA for stykk eller HUR for time).",
    ),
    (
        "BR-CL-24",
        "Et vedlegg har en filtype (MIME-kode) som ikke er tillatt; tillatt er PDF, PNG, JPEG, CSV, XLSX og ODS.",
    ),
    (
        "BR-CL-25",
        "Skjema-ID for en elektronisk adresse (EndpointID) er ikke en gyldig kode fra EAS-listen (som 0192).",
    ),
    (
        "BR-CL-26",
        "Skjema-ID for identifikatoren til leveringsstedet er ikke en gyldig ISO 6523-kode.",
    ),
    (
        "BR-CO-03",
        "Fakturaen oppgir både dato for mva-tidspunkt (BT-7) og kode for mva-tidspunkt (BT-8); bare én av dem kan brukes.",
    ),
    (
        "BR-CO-04",
        "En fakturalinje mangler mva-kategori for varen (BT-151).",
    ),
    (
        "BR-CO-05",
        "Årsakskoden og årsaksteksten for en rabatt på fakturanivå sier ikke det samme.",
    ),
    (
        "BR-CO-06",
        "Årsakskoden og årsaksteksten for et gebyr/tillegg på fakturanivå sier ikke det samme.",
    ),
    (
        "BR-CO-07",
        "Årsakskoden og årsaksteksten for en rabatt på en fakturalinje sier ikke det samme.",
    ),
    (
        "BR-CO-08",
        "Årsakskoden og årsaksteksten for et gebyr/tillegg på en fakturalinje sier ikke det samme.",
    ),
    (
        "BR-CO-09",
        "Et mva-nummer må begynne med landkode (som NO, eller EL for Hellas).",
    ),
    (
        "BR-CO-11",
        "Summen av rabatter på fakturanivå (BT-107) stemmer ikke med rabattene lagt sammen.",
    ),
    (
        "BR-CO-12",
        "Summen av gebyrer/tillegg på fakturanivå (BT-108) stemmer ikke med gebyrene lagt sammen.",
    ),
    (
        "BR-CO-18",
        "Fakturaen mangler mva-spesifikasjon (BG-23); minst én gruppe med mva-kategori, grunnlag og mva-beløp må oppgis.",
    ),
    (
        "BR-CO-19",
        "En oppgitt fakturaperiode (BG-14) må ha startdato (BT-73), sluttdato (BT-74) eller begge, eller bare en kode for mva-tidspunkt.",
    ),
    (
        "BR-CO-20",
        "En oppgitt periode på en fakturalinje (BG-26) må ha startdato (BT-134), sluttdato (BT-135) eller begge.",
    ),
    (
        "BR-CO-21",
        "En rabatt på fakturanivå må ha årsak som tekst (BT-97), som kode (BT-98) eller begge.",
    ),
    (
        "BR-CO-22",
        "Et gebyr/tillegg på fakturanivå må ha årsak som tekst (BT-104), som kode (BT-105) eller begge.",
    ),
    (
        "BR-CO-23",
        "En rabatt på en fakturalinje må ha årsak som tekst (BT-139), som kode (BT-140) eller begge.",
    ),
    (
        "BR-CO-24",
        "Et gebyr/tillegg på en fakturalinje må ha årsak som tekst (BT-144), som kode (BT-145) eller begge.",
    ),
    (
        "BR-CO-26",
        "Leverandøren må identifiseres med mva-nummer (BT-31), leverandør-ID (BT-29) eller organisasjonsnummer (BT-30).",
    ),
    (
        "BR-DEC-01",
        "Beløpet for en rabatt på fakturanivå (BT-92) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-02",
        "Grunnlaget for en rabatt på fakturanivå (BT-93) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-05",
        "Beløpet for et gebyr/tillegg på fakturanivå (BT-99) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-06",
        "Grunnlaget for et gebyr/tillegg på fakturanivå (BT-100) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-09",
        "Summen av beløpene på fakturalinjene (BT-106) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-10",
        "Summen av rabatter på fakturanivå (BT-107) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-11",
        "Summen av gebyrer/tillegg på fakturanivå (BT-108) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-12",
        "Beløpet uten mva (BT-109) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-13",
        "Total mva i fakturaens valuta (BT-110) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-14",
        "Beløpet med mva (BT-112) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-15",
        "Total mva i valutaen for mva-regnskapet (BT-111) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-16",
        "Forskuddsbetalt beløp (BT-113) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-17",
        "Øreavrundingen (BT-114) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-18",
        "Beløp å betale (BT-115) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-19",
        "Grunnlaget for en mva-kategori (BT-116) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-20",
        "Mva-beløpet for en mva-kategori (BT-117) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-23",
        "Linjebeløpet på en fakturalinje (BT-131) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-24",
        "Beløpet for en rabatt på en fakturalinje (BT-136) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-25",
        "Grunnlaget for en rabatt på en fakturalinje (BT-137) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-27",
        "Beløpet for et gebyr/tillegg på en fakturalinje (BT-141) har mer enn to desimaler.",
    ),
    (
        "BR-DEC-28",
        "Grunnlaget for et gebyr/tillegg på en fakturalinje (BT-142) har mer enn to desimaler.",
    ),
    (
        "BR-E-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori E (unntatt fra mva) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-E-02",
        "En fakturalinje med mva-kategori E (unntatt fra mva) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-E-03",
        "En rabatt på fakturanivå med mva-kategori E (unntatt fra mva) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-E-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori E (unntatt fra mva) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-E-05",
        "En fakturalinje med mva-kategori E (unntatt fra mva) må ha mva-sats 0.",
    ),
    (
        "BR-E-06",
        "En rabatt på fakturanivå med mva-kategori E (unntatt fra mva) må ha mva-sats 0.",
    ),
    (
        "BR-E-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori E (unntatt fra mva) må ha mva-sats 0.",
    ),
    (
        "BR-E-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori E (unntatt fra mva) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-E-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori E (unntatt fra mva) må være 0.",
    ),
    (
        "BR-E-10",
        "Gruppen for mva-kategori E (unntatt fra mva) i mva-spesifikasjonen mangler fritaksgrunn, som tekst (BT-120) eller kode (BT-121).",
    ),
    (
        "BR-G-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori G (eksport, fritatt) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-G-02",
        "En fakturalinje med mva-kategori G (eksport, fritatt) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-G-03",
        "En rabatt på fakturanivå med mva-kategori G (eksport, fritatt) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-G-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori G (eksport, fritatt) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-G-05",
        "En fakturalinje med mva-kategori G (eksport, fritatt) må ha mva-sats 0.",
    ),
    (
        "BR-G-06",
        "En rabatt på fakturanivå med mva-kategori G (eksport, fritatt) må ha mva-sats 0.",
    ),
    (
        "BR-G-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori G (eksport, fritatt) må ha mva-sats 0.",
    ),
    (
        "BR-G-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori G (eksport, fritatt) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-G-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori G (eksport, fritatt) må være 0.",
    ),
    (
        "BR-G-10",
        "Gruppen for mva-kategori G (eksport, fritatt) i mva-spesifikasjonen mangler fritaksgrunn, som tekst (BT-120) eller kode (BT-121).",
    ),
    (
        "BR-IC-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori K (fritatt leveranse innen EØS) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-IC-02",
        "En fakturalinje med mva-kategori K (fritatt leveranse innen EØS) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-IC-03",
        "En rabatt på fakturanivå med mva-kategori K (fritatt leveranse innen EØS) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-IC-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori K (fritatt leveranse innen EØS) krever at fakturaen har leverandørens mva-nummer (BT-31) eller avgiftsrepresentantens mva-nummer (BT-63), og i tillegg kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-IC-05",
        "En fakturalinje med mva-kategori K (fritatt leveranse innen EØS) må ha mva-sats 0.",
    ),
    (
        "BR-IC-06",
        "En rabatt på fakturanivå med mva-kategori K (fritatt leveranse innen EØS) må ha mva-sats 0.",
    ),
    (
        "BR-IC-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori K (fritatt leveranse innen EØS) må ha mva-sats 0.",
    ),
    (
        "BR-IC-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori K (fritatt leveranse innen EØS) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-IC-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori K (fritatt leveranse innen EØS) må være 0.",
    ),
    (
        "BR-IC-10",
        "Gruppen for mva-kategori K (fritatt leveranse innen EØS) i mva-spesifikasjonen mangler fritaksgrunn, som tekst (BT-120) eller kode (BT-121).",
    ),
    (
        "BR-IC-11",
        "Ved fritatt leveranse innen EØS (mva-kategori K) må faktisk leveringsdato (BT-72) eller fakturaperiode (BG-14) oppgis.",
    ),
    (
        "BR-IC-12",
        "Ved fritatt leveranse innen EØS (mva-kategori K) må landkoden for leveringsadressen (BT-80) oppgis.",
    ),
    (
        "BR-O-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori O (utenfor mva-området) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-O-02",
        "En fakturalinje med mva-kategori O (utenfor mva-området) betyr at fakturaen ikke skal ha leverandørens mva-nummer (BT-31), avgiftsrepresentantens mva-nummer (BT-63) eller kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-O-03",
        "En rabatt på fakturanivå med mva-kategori O (utenfor mva-området) betyr at fakturaen ikke skal ha leverandørens mva-nummer (BT-31), avgiftsrepresentantens mva-nummer (BT-63) eller kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-O-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori O (utenfor mva-området) betyr at fakturaen ikke skal ha leverandørens mva-nummer (BT-31), avgiftsrepresentantens mva-nummer (BT-63) eller kjøpers mva-nummer (BT-48).",
    ),
    (
        "BR-O-05",
        "En fakturalinje med mva-kategori O (utenfor mva-området) skal ikke ha mva-sats.",
    ),
    (
        "BR-O-06",
        "En rabatt på fakturanivå med mva-kategori O (utenfor mva-området) skal ikke ha mva-sats.",
    ),
    (
        "BR-O-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori O (utenfor mva-området) skal ikke ha mva-sats.",
    ),
    (
        "BR-O-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori O (utenfor mva-området) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-O-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori O (utenfor mva-området) må være 0.",
    ),
    (
        "BR-O-10",
        "Gruppen for mva-kategori O (utenfor mva-området) i mva-spesifikasjonen mangler fritaksgrunn, som tekst (BT-120) eller kode (BT-121).",
    ),
    (
        "BR-O-11",
        "Når fakturaen har mva-kategori O (utenfor mva-området), kan mva-spesifikasjonen ikke ha andre kategorier.",
    ),
    (
        "BR-O-12",
        "Når fakturaen har mva-kategori O (utenfor mva-området), må alle fakturalinjer ha kategori O.",
    ),
    (
        "BR-O-13",
        "Når fakturaen har mva-kategori O (utenfor mva-området), må alle rabatter på fakturanivå ha kategori O.",
    ),
    (
        "BR-O-14",
        "Når fakturaen har mva-kategori O (utenfor mva-området), må alle gebyrer/tillegg på fakturanivå ha kategori O.",
    ),
    (
        "BR-S-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori S (avgiftspliktig med sats) må ha minst én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-S-02",
        "En fakturalinje med mva-kategori S (avgiftspliktig med sats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-S-03",
        "En rabatt på fakturanivå med mva-kategori S (avgiftspliktig med sats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-S-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori S (avgiftspliktig med sats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-S-05",
        "En fakturalinje med mva-kategori S (avgiftspliktig med sats) må ha mva-sats over null.",
    ),
    (
        "BR-S-06",
        "En rabatt på fakturanivå med mva-kategori S (avgiftspliktig med sats) må ha mva-sats over null.",
    ),
    (
        "BR-S-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori S (avgiftspliktig med sats) må ha mva-sats over null.",
    ),
    (
        "BR-S-10",
        "Gruppen for mva-kategori S (avgiftspliktig med sats) i mva-spesifikasjonen skal ikke ha fritaksgrunn (BT-120/BT-121).",
    ),
    (
        "BR-Z-01",
        "Fakturalinjer, rabatter og gebyrer med mva-kategori Z (nullsats) må ha én gruppe for kategorien i mva-spesifikasjonen, og en slik gruppe må ha linjer, rabatter eller gebyrer i kategorien.",
    ),
    (
        "BR-Z-02",
        "En fakturalinje med mva-kategori Z (nullsats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-Z-03",
        "En rabatt på fakturanivå med mva-kategori Z (nullsats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-Z-04",
        "Et gebyr/tillegg på fakturanivå med mva-kategori Z (nullsats) krever at fakturaen har leverandørens mva-nummer (BT-31), skatteregistreringsnummer (BT-32) eller avgiftsrepresentantens mva-nummer (BT-63).",
    ),
    (
        "BR-Z-05",
        "En fakturalinje med mva-kategori Z (nullsats) må ha mva-sats 0.",
    ),
    (
        "BR-Z-06",
        "En rabatt på fakturanivå med mva-kategori Z (nullsats) må ha mva-sats 0.",
    ),
    (
        "BR-Z-07",
        "Et gebyr/tillegg på fakturanivå med mva-kategori Z (nullsats) må ha mva-sats 0.",
    ),
    (
        "BR-Z-08",
        "Grunnlaget i mva-spesifikasjonen for mva-kategori Z (nullsats) stemmer ikke med linjebeløpene minus rabatter pluss gebyrer/tillegg med samme kategori.",
    ),
    (
        "BR-Z-09",
        "Mva-beløpet i mva-spesifikasjonen for mva-kategori Z (nullsats) må være 0.",
    ),
    (
        "BR-Z-10",
        "Gruppen for mva-kategori Z (nullsats) i mva-spesifikasjonen skal ikke ha fritaksgrunn (BT-120/BT-121).",
    ),
    (
        "DE-R-001",
        "En tysk faktura må ha betalingsinformasjon (BG-16).",
    ),
    (
        "DE-R-002",
        "En tysk faktura må ha leverandørens kontaktinformasjon (BG-6).",
    ),
    (
        "DE-R-003",
        "En tysk faktura må ha leverandørens poststed (BT-37).",
    ),
    (
        "DE-R-004",
        "En tysk faktura må ha leverandørens postnummer (BT-38).",
    ),
    (
        "DE-R-005",
        "En tysk faktura må ha kontaktperson hos leverandøren (BT-41).",
    ),
    (
        "DE-R-006",
        "En tysk faktura må ha telefonnummeret til leverandørens kontaktperson (BT-42).",
    ),
    (
        "DE-R-007",
        "En tysk faktura må ha e-postadressen til leverandørens kontaktperson (BT-43).",
    ),
    (
        "DE-R-008",
        "En tysk faktura må ha kjøpers poststed (BT-52).",
    ),
    (
        "DE-R-009",
        "En tysk faktura må ha kjøpers postnummer (BT-53).",
    ),
    (
        "DE-R-010",
        "En tysk leveringsadresse må ha poststed (BT-77).",
    ),
    (
        "DE-R-011",
        "En tysk leveringsadresse må ha postnummer (BT-78).",
    ),
    (
        "DE-R-014",
        "En tysk faktura må ha mva-sats (BT-119) i hver gruppe i mva-spesifikasjonen.",
    ),
    (
        "DE-R-015",
        "En tysk faktura må ha kjøpers referanse (BT-10, Leitweg-ID).",
    ),
    (
        "DE-R-016",
        "Med mva-kategori S, Z, E, AE, K, G, L eller M må leverandørens mva-nummer, skattenummer eller en avgiftsrepresentant oppgis.",
    ),
    (
        "DE-R-017",
        "En tysk faktura bør ha typekode 326, 380, 384, 389, 381, 875, 876 eller 877.",
    ),
    (
        "DE-R-018",
        "Tyske kontantrabattvilkår (Skonto) i betalingsbetingelsene må skrives som #SKONTO#TAGE=n#PROZENT=n.nn#, ett vilkår per linje.",
    ),
    (
        "DE-R-019",
        "Ved SEPA-overføring (betalingsmåte 58) bør kontonummeret være et gyldig IBAN.",
    ),
    (
        "DE-R-020",
        "Ved SEPA-direktedebet (betalingsmåte 59) bør kontoen som belastes, være et gyldig IBAN.",
    ),
    (
        "DE-R-022",
        "Vedleggene til en tysk faktura må ha forskjellige filnavn.",
    ),
    (
        "DE-R-023-1",
        "Tysk overføring til konto (betalingsmåte 30 eller 58) krever kontoinformasjon (BG-17).",
    ),
    (
        "DE-R-023-2",
        "Tysk overføring til konto (betalingsmåte 30 eller 58) kan ikke samtidig ha kort- eller direktedebetinformasjon.",
    ),
    (
        "DE-R-024-1",
        "Tysk kortbetaling (betalingsmåte 48, 54 eller 55) krever kortinformasjon (BG-18).",
    ),
    (
        "DE-R-024-2",
        "Tysk kortbetaling (betalingsmåte 48, 54 eller 55) kan ikke samtidig ha konto- eller direktedebetinformasjon.",
    ),
    (
        "DE-R-025-1",
        "Tysk direktedebet (betalingsmåte 59) krever direktedebetinformasjon (BG-19).",
    ),
    (
        "DE-R-025-2",
        "Tysk direktedebet (betalingsmåte 59) kan ikke samtidig ha konto- eller kortinformasjon.",
    ),
    (
        "DE-R-026",
        "En tysk korrigert faktura (typekode 384) bør vise til den opprinnelige fakturaen.",
    ),
    (
        "DE-R-027",
        "Telefonnummeret til leverandørens kontaktperson bør ha minst tre sifre.",
    ),
    (
        "DE-R-028",
        "E-postadressen til leverandørens kontaktperson bør være en gyldig e-postadresse.",
    ),
    (
        "DE-R-030",
        "Tysk direktedebet krever kreditor-ID fra banken (BT-90).",
    ),
    (
        "DE-R-031",
        "Tysk direktedebet krever kontoen som skal belastes (BT-91).",
    ),
    ("DK-R-002", "En dansk leverandør må oppgi sitt CVR-nummer."),
    (
        "DK-R-003",
        "Danske vareklassifiseringer etter UNSPSC (TST) bør bruke versjon 19.05.01 eller 26.08.01.",
    ),
    (
        "DK-R-004",
        "Danske avgifter som ikke er mva (årsakskode ZZZ), krever en firesifret avgiftskategori eller en årsak skilt med «#».",
    ),
    (
        "DK-R-005",
        "Mellom danske parter er bare betalingsmåtene 1, 10, 31, 42, 48, 49, 50, 58, 59, 93 og 97 tillatt.",
    ),
    (
        "DK-R-006",
        "Dansk betalingsmåte 31 eller 42 krever både kontonummer og registreringsnummer.",
    ),
    (
        "DK-R-007",
        "Dansk betalingsmåte 49 krever mandat og betalers kontonummer.",
    ),
    (
        "DK-R-008",
        "Dansk giro (betalingsmåte 50) krever en betalings-ID som begynner med 01#, 04# eller 15#, og et kontonummer på 7–8 sifre.",
    ),
    (
        "DK-R-009",
        "En dansk giro-betalings-ID som begynner med 04# eller 15#, må ha 19 tegn.",
    ),
    (
        "DK-R-010",
        "Dansk FIK (betalingsmåte 93) krever en betalings-ID som begynner med 71#, 73# eller 75#, og et kreditornummer på 8 tegn.",
    ),
    (
        "DK-R-011",
        "En dansk FIK-betalings-ID som begynner med 71# eller 75#, må ha 18 eller 19 tegn.",
    ),
    (
        "DK-R-013",
        "Mellom danske parter må identifikatorene til partene ha skjema-ID.",
    ),
    (
        "DK-R-014",
        "Organisasjonsnummeret til en dansk leverandør må bruke skjema 0184 (CVR).",
    ),
    (
        "DK-R-016",
        "Mellom danske parter kan en kreditnota ikke ha negativt beløp å betale.",
    ),
    (
        "GR-R-001-1",
        "Fakturanummeret til en gresk leverandør må bestå av 6 deler skilt med «|».",
    ),
    (
        "GR-R-001-2",
        "Del 1 av et gresk fakturanummer må være leverandørens (eller representantens) gyldige skattenummer (TIN).",
    ),
    (
        "GR-R-001-3",
        "Del 2 av et gresk fakturanummer må være fakturadatoen skrevet DD/MM/ÅÅÅÅ.",
    ),
    (
        "GR-R-001-4",
        "Del 3 av et gresk fakturanummer må være et heltall som ikke er negativt.",
    ),
    (
        "GR-R-001-5",
        "Del 4 av et gresk fakturanummer må være en gresk dokumenttype.",
    ),
    (
        "GR-R-001-6",
        "Del 5 av et gresk fakturanummer kan ikke være tom.",
    ),
    (
        "GR-R-001-7",
        "Del 6 av et gresk fakturanummer kan ikke være tom.",
    ),
    (
        "GR-R-002",
        "En gresk leverandør må oppgi sitt registrerte navn.",
    ),
    (
        "GR-R-003",
        "Mva-nummeret til en gresk leverandør må være EL fulgt av et gyldig skattenummer (TIN).",
    ),
    (
        "GR-R-004-1",
        "En faktura fra en gresk leverandør må ha nøyaktig ett MARK-nummer.",
    ),
    ("GR-R-004-2", "MARK-nummeret må være et positivt heltall."),
    ("GR-R-005", "En gresk leverandør må oppgi kjøpers navn."),
    (
        "GR-R-006",
        "Mellom greske parter må kjøpers mva-nummer være EL fulgt av et gyldig skattenummer (TIN).",
    ),
    (
        "GR-R-008-2",
        "En faktura fra en gresk leverandør kan ha høyst én faktura-URL.",
    ),
    (
        "GR-R-008-3",
        "En gresk faktura-URL må oppgi selve adressen (URI).",
    ),
    (
        "GR-R-009",
        "Den elektroniske adressen til en gresk leverandør må være skattenummeret (TIN) med skjema 9933.",
    ),
    (
        "GR-R-010",
        "Mellom greske parter må kjøpers elektroniske adresse være skattenummeret (TIN) med skjema 9933.",
    ),
    (
        "GR-S-008-1",
        "En faktura fra en gresk leverandør bør ha én faktura-URL.",
    ),
    (
        "GR-S-011",
        "En gresk leverandør bør oppgi mva-nummeret sitt, EL fulgt av et gyldig skattenummer (TIN).",
    ),
    (
        "IS-R-001",
        "En islandsk leverandør bør sende en faktura (typekode 380) eller en kreditnota (typekode 381).",
    ),
    (
        "IS-R-002",
        "En islandsk leverandør må oppgi sitt organisasjonsnummer (kennitala, skjema 0196).",
    ),
    (
        "IS-R-003",
        "Adressen til en islandsk leverandør må ha gateadresse og postnummer.",
    ),
    (
        "IS-R-004",
        "Når både leverandør og kjøper er islandske, må kjøpers organisasjonsnummer (kennitala, skjema 0196) oppgis.",
    ),
    (
        "IS-R-005",
        "Når både leverandør og kjøper er islandske, må kjøpers adresse ha gateadresse og postnummer.",
    ),
    (
        "IS-R-006",
        "Et islandsk betalingskrav (betalingsmåte 9) krever et kontonummer på 12 tegn.",
    ),
    (
        "IS-R-007",
        "En islandsk overføring til konto (betalingsmåte 42) krever et kontonummer på 12 tegn.",
    ),
    (
        "IS-R-008",
        "En islandsk endelig forfallsdato (tilleggsdokumentet EINDAGI) må skrives ÅÅÅÅ-MM-DD.",
    ),
    (
        "IS-R-009",
        "En islandsk faktura med endelig forfallsdato (EINDAGI) må også ha forfallsdato (BT-9).",
    ),
    (
        "IS-R-010",
        "En islandsk endelig forfallsdato (EINDAGI) kan ikke være før forfallsdatoen.",
    ),
    (
        "IT-R-001",
        "Skatteregistreringsnummeret til en italiensk leverandør må være 11 til 16 bokstaver eller sifre.",
    ),
    (
        "IT-R-002",
        "En italiensk leverandør må oppgi gateadresse i postadressen.",
    ),
    (
        "IT-R-003",
        "En italiensk leverandør må oppgi poststed i postadressen.",
    ),
    (
        "IT-R-004",
        "En italiensk leverandør må oppgi postnummer i postadressen.",
    ),
    (
        "NL-R-001",
        "En kreditnota fra en nederlandsk leverandør må vise til fakturaen den krediterer.",
    ),
    (
        "NL-R-002",
        "Adressen til en nederlandsk leverandør må ha gateadresse, poststed og postnummer.",
    ),
    (
        "NL-R-003",
        "Organisasjonsnummeret til en nederlandsk leverandør må være et KVK- eller OIN-nummer (skjema 0106 eller 0190).",
    ),
    (
        "NL-R-004",
        "Når både leverandør og kjøper er nederlandske, må kjøpers adresse ha gateadresse, poststed og postnummer.",
    ),
    (
        "NL-R-005",
        "Når både leverandør og kjøper er nederlandske, må kjøpers organisasjonsnummer være et KVK- eller OIN-nummer.",
    ),
    (
        "NL-R-006",
        "En nederlandsk avgiftsrepresentant for en nederlandsk leverandør må ha gateadresse, poststed og postnummer.",
    ),
    (
        "NL-R-007",
        "En nederlandsk leverandør må oppgi betalingsmåte når kjøper har noe å betale.",
    ),
    (
        "NL-R-008",
        "Mellom nederlandske parter må betalingsmåten være 30, 48, 49, 57, 58 eller 59.",
    ),
    (
        "NL-R-009",
        "Når en nederlandsk leverandør viser til bestillingslinjer, må fakturaen også ha bestillingsnummer (BT-13).",
    ),
    (
        "PEPPOL-COMMON-R040",
        "Et GLN-nummer (skjema 0088) må bestå av sifre med gyldig GS1-kontrollsiffer.",
    ),
    (
        "PEPPOL-COMMON-R042",
        "Et dansk CVR-nummer (skjema 0184) må ha 8 sifre, eventuelt med DK foran.",
    ),
    (
        "PEPPOL-COMMON-R043",
        "Et belgisk foretaksnummer (skjema 0208) må ha 10 sifre med gyldig mod-97-kontroll.",
    ),
    (
        "PEPPOL-COMMON-R044",
        "En italiensk IPA-kode (skjema 0201) bør være 6 bokstaver eller sifre.",
    ),
    (
        "PEPPOL-COMMON-R045",
        "En italiensk skattekode (Codice Fiscale, skjema 0210) bør ha riktig format.",
    ),
    (
        "PEPPOL-COMMON-R046",
        "En italiensk skattekode brukt som elektronisk adresse (skjema 9907) bør ha riktig format.",
    ),
    (
        "PEPPOL-COMMON-R047",
        "Et italiensk mva-nummer (Partita IVA, skjema 0211) bør ha gyldig kontrollsiffer.",
    ),
    (
        "PEPPOL-COMMON-R049",
        "Et svensk organisasjonsnummer (skjema 0007) må ha 10 sifre med gyldig kontrollsiffer (Luhn).",
    ),
    (
        "PEPPOL-COMMON-R050",
        "Et australsk ABN-nummer (skjema 0151) må ha 11 sifre med gyldig kontrollsiffer.",
    ),
    (
        "PEPPOL-EN16931-CL001",
        "Et vedlegg har en filtype (MIME-kode) som ikke er tillatt; tillatt er PDF, PNG, JPEG, CSV, XLSX og ODS.",
    ),
    (
        "PEPPOL-EN16931-CL002",
        "Årsakskoden for en rabatt er ikke blant kodene Peppol tillater fra UNTDID 5189.",
    ),
    (
        "PEPPOL-EN16931-CL003",
        "Årsakskoden for et gebyr/tillegg er ikke en gyldig kode fra UNTDID 7161.",
    ),
    (
        "PEPPOL-EN16931-CL006",
        "Koden for fakturaperioden (mva-tidspunkt) må være 3, 35 eller 432 (UNTDID 2005).",
    ),
    (
        "PEPPOL-EN16931-CL007",
        "En valutakode er ikke en gyldig ISO 4217-kode (som NOK).",
    ),
    (
        "PEPPOL-EN16931-CL008",
        "Skjema-ID for en elektronisk adresse (EndpointID) er ikke en gyldig kode fra EAS-listen (som 0192).",
    ),
    (
        "PEPPOL-EN16931-F001",
        "En dato har feil format; datoer må skrives ÅÅÅÅ-MM-DD (som 2024-03-31).",
    ),
    (
        "PEPPOL-EN16931-P0100",
        "Fakturaens typekode (BT-3) er ikke blant kodene Peppol-profil 01 (Billing) tillater.",
    ),
    (
        "PEPPOL-EN16931-P0101",
        "Kreditnotaens typekode (BT-3) er ikke blant kodene Peppol-profil 01 (Billing) tillater.",
    ),
    (
        "PEPPOL-EN16931-P0104",
        "Fritakskoden VATEX-EU-G kan bare brukes med mva-kategori G (eksport, fritatt).",
    ),
    (
        "PEPPOL-EN16931-P0105",
        "Fritakskoden VATEX-EU-O kan bare brukes med mva-kategori O (utenfor mva-området).",
    ),
    (
        "PEPPOL-EN16931-P0106",
        "Fritakskoden VATEX-EU-IC kan bare brukes med mva-kategori K (fritatt leveranse innen EØS).",
    ),
    (
        "PEPPOL-EN16931-P0107",
        "Fritakskoden VATEX-EU-AE kan bare brukes med mva-kategori AE (omvendt avgiftsplikt).",
    ),
    (
        "PEPPOL-EN16931-P0108",
        "Fritakskoden VATEX-EU-D kan bare brukes med mva-kategori E (unntatt fra mva).",
    ),
    (
        "PEPPOL-EN16931-P0109",
        "Fritakskoden VATEX-EU-F kan bare brukes med mva-kategori E (unntatt fra mva).",
    ),
    (
        "PEPPOL-EN16931-P0110",
        "Fritakskoden VATEX-EU-I kan bare brukes med mva-kategori E (unntatt fra mva).",
    ),
    (
        "PEPPOL-EN16931-P0111",
        "Fritakskoden VATEX-EU-J kan bare brukes med mva-kategori E (unntatt fra mva).",
    ),
    (
        "PEPPOL-EN16931-P0112",
        "Typekode 326 (delfaktura) og 384 (korrigert faktura) kan bare brukes når både leverandør og kjøper er tyske.",
    ),
    (
        "PEPPOL-EN16931-R001",
        "Fakturaen mangler forretningsprosess (ProfileID, BT-23).",
    ),
    (
        "PEPPOL-EN16931-R002",
        "Fakturaen kan ha høyst én merknad (BT-22), med mindre både leverandør og kjøper er tyske.",
    ),
    (
        "PEPPOL-EN16931-R004",
        "Spesifikasjonsidentifikatoren (BT-24) er ikke den som gjelder for Peppol BIS Billing 3.0.",
    ),
    (
        "PEPPOL-EN16931-R005",
        "Valutakoden for mva-regnskapet (BT-6) kan ikke være den samme som fakturaens valutakode (BT-5).",
    ),
    (
        "PEPPOL-EN16931-R007",
        "Forretningsprosessen (ProfileID, BT-23) har feil format; den må være urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0.",
    ),
    (
        "PEPPOL-EN16931-R008",
        "Fakturaen inneholder tomme elementer; et element som er med, må ha innhold.",
    ),
    (
        "PEPPOL-EN16931-R010",
        "Kjøpers elektroniske adresse (EndpointID, BT-49) mangler.",
    ),
    (
        "PEPPOL-EN16931-R020",
        "Leverandørens elektroniske adresse (EndpointID, BT-34) mangler.",
    ),
    (
        "PEPPOL-EN16931-R040",
        "Beløpet for en rabatt eller et gebyr/tillegg er ikke grunnlaget ganger prosentsatsen delt på 100.",
    ),
    (
        "PEPPOL-EN16931-R041",
        "En rabatt eller et gebyr/tillegg med prosentsats mangler grunnlaget som prosenten regnes av.",
    ),
    (
        "PEPPOL-EN16931-R042",
        "En rabatt eller et gebyr/tillegg med grunnlag mangler prosentsatsen.",
    ),
    (
        "PEPPOL-EN16931-R043",
        "Markeringen av rabatt eller gebyr/tillegg (ChargeIndicator) må være nøyaktig «true» eller «false».",
    ),
    (
        "PEPPOL-EN16931-R044",
        "På prisen til en vare kan det bare gis rabatt, ikke gebyr/tillegg.",
    ),
    (
        "PEPPOL-EN16931-R046",
        "Nettoprisen på en vare (BT-146) er ikke bruttopris (BT-148) minus prisrabatt (BT-147).",
    ),
    (
        "PEPPOL-EN16931-R053",
        "Fakturaen må ha nøyaktig én mva-total med mva-spesifikasjon.",
    ),
    (
        "PEPPOL-EN16931-R054",
        "Fakturaen må ha en mva-total uten spesifikasjon når, og bare når, valuta for mva-regnskapet (BT-6) er oppgitt.",
    ),
    (
        "PEPPOL-EN16931-R055",
        "Total mva (BT-110) og total mva i valutaen for mva-regnskapet (BT-111) må ha samme fortegn.",
    ),
    (
        "PEPPOL-EN16931-R061",
        "Direktedebet eller avtalegiro (betalingsmåte 49 eller 59) krever mandatreferanse (BT-89).",
    ),
    (
        "PEPPOL-EN16931-R080",
        "En kreditnota kan ha høyst én prosjektreferanse (BT-11).",
    ),
    (
        "PEPPOL-EN16931-R100",
        "En fakturalinje kan vise til høyst ett fakturert objekt (BT-128).",
    ),
    (
        "PEPPOL-EN16931-R101",
        "En dokumentreferanse på en fakturalinje kan bare gjelde et fakturert objekt (dokumenttype 130).",
    ),
    (
        "PEPPOL-EN16931-R110",
        "Perioden på en fakturalinje starter før fakturaperioden.",
    ),
    (
        "PEPPOL-EN16931-R111",
        "Perioden på en fakturalinje slutter etter fakturaperioden.",
    ),
    (
        "PEPPOL-EN16931-R121",
        "Basisantallet for prisen (BT-149) må være større enn null.",
    ),
    (
        "PEPPOL-EN16931-R130",
        "Basisantallet for prisen (BT-149) må ha samme enhetskode som antallet på fakturalinjen (BT-130).",
    ),
    (
        "SE-R-001",
        "Mva-nummeret til en svensk leverandør må ha 14 tegn.",
    ),
    (
        "SE-R-002",
        "Mva-nummeret til en svensk leverandør må bestå av sifre etter SE.",
    ),
    (
        "SE-R-003",
        "Et svensk organisasjonsnummer må bestå av sifre.",
    ),
    ("SE-R-004", "Et svensk organisasjonsnummer må ha 10 tegn."),
    (
        "SE-R-005",
        "Skatteregistreringen til en svensk leverandør må være teksten «Godkänd för F-skatt».",
    ),
    (
        "SE-R-006",
        "En svensk leverandør kan bare bruke satsene 25, 12 og 6 % i mva-kategori S.",
    ),
    (
        "SE-R-007",
        "Et svensk Plusgiro-kontonummer bør bestå av sifre.",
    ),
    (
        "SE-R-008",
        "Et svensk Bankgiro-kontonummer bør bestå av sifre.",
    ),
    (
        "SE-R-009",
        "Et svensk Bankgiro-kontonummer bør ha 7 eller 8 tegn.",
    ),
    (
        "SE-R-010",
        "Et svensk Plusgiro-kontonummer bør ha 2 til 8 tegn.",
    ),
    (
        "SE-R-011",
        "Svensk Bankgiro eller Plusgiro bør oppgis som betalingsmåte 30 med SE:BANKGIRO eller SE:PLUSGIRO.",
    ),
    (
        "SE-R-012",
        "Mellom svenske parter bør overføring til konto bruke betalingsmåte 30.",
    ),
    (
        "SE-R-013",
        "Et svensk organisasjonsnummer må slutte med et gyldig kontrollsiffer (Luhn).",
    ),
    ("UBL-CR-002", "UBL-versjonen bør være 2.1 når den oppgis."),
    (
        "UBL-CR-412",
        "Forfallsdatoen bør ikke stå i betalingsinformasjonen, men som fakturaens forfallsdato (BT-9).",
    ),
    (
        "UBL-CR-665",
        "Bare en referanse til fakturert objekt (dokumenttype 130) bør ha skjema-ID på identifikatoren.",
    ),
    (
        "UBL-CR-666",
        "En referanse til fakturert objekt (dokumenttype 130) kan ikke ha vedlegg.",
    ),
    (
        "UBL-CR-673",
        "En referanse til fakturert objekt (dokumenttype 130) kan ikke ha beskrivelse.",
    ),
    ("UBL-DT-01", "Et beløp har mer enn to desimaler."),
    ("UBL-DT-06", "Et vedlegg mangler filtype (MIME-kode)."),
    ("UBL-DT-07", "Et vedlegg mangler filnavn."),
    (
        "UBL-DT-08",
        "Attributtet schemeName brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-09",
        "Attributtet schemeAgencyName brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-10",
        "Attributtet schemeDataURI brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-11",
        "Attributtet schemeURI brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-12",
        "Attributtet format brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-13",
        "Attributtet unitCodeListIdentifier brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-14",
        "Attributtet unitCodeListAgencyIdentifier brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-15",
        "Attributtet unitCodeListAgencyName brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-16",
        "Attributtet listAgencyName brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-17",
        "Attributtet listName brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-18",
        "Attributtet name brukes bare på koden for betalingsmåte og bør ellers utelates.",
    ),
    (
        "UBL-DT-19",
        "Attributtet languageID brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-20",
        "Attributtet listURI brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-21",
        "Attributtet listSchemeURI brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-22",
        "Attributtet languageLocaleID brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-23",
        "Attributtet uri brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-24",
        "Attributtet currencyCodeListVersionID brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-25",
        "Attributtet characterSetCode brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-26",
        "Attributtet encodingCode brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-27",
        "Attributtet schemeAgencyID brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-DT-28",
        "Attributtet listAgencyID brukes ikke i EN 16931 og bør utelates.",
    ),
    (
        "UBL-SR-01",
        "Fakturaen kan ha høyst én kontraktsreferanse (BT-12).",
    ),
    (
        "UBL-SR-02",
        "Fakturaen kan ha høyst én referanse til mottaksbekreftelse (BT-15).",
    ),
    (
        "UBL-SR-03",
        "Fakturaen kan ha høyst én referanse til pakkseddel (BT-16).",
    ),
    (
        "UBL-SR-04",
        "Fakturaen kan ha høyst én identifikator for fakturert objekt (BT-18, dokumenttype 130).",
    ),
    (
        "UBL-SR-05",
        "Fakturaen kan ha høyst én tekst med betalingsbetingelser (BT-20).",
    ),
    (
        "UBL-SR-06",
        "Hver fakturareferanse kan vise til høyst én tidligere faktura (BT-25).",
    ),
    (
        "UBL-SR-07",
        "Henvisningen til en tidligere faktura mangler fakturanummeret (BT-25).",
    ),
    (
        "UBL-SR-08",
        "Fakturaen kan ha høyst én fakturaperiode (BG-14).",
    ),
    (
        "UBL-SR-09",
        "Leverandøren kan ha høyst ett juridisk navn (BT-27).",
    ),
    (
        "UBL-SR-10",
        "Leverandøren kan ha høyst ett handelsnavn (BT-28).",
    ),
    (
        "UBL-SR-11",
        "Leverandøren kan ha høyst ett organisasjonsnummer (BT-30).",
    ),
    (
        "UBL-SR-12",
        "Leverandøren kan ha høyst ett mva-nummer (BT-31).",
    ),
    (
        "UBL-SR-13",
        "Leverandøren kan ha høyst ett skatteregistreringsnummer (BT-32).",
    ),
    (
        "UBL-SR-14",
        "Leverandøren kan ha høyst én tekst med juridisk tilleggsinformasjon (BT-33), som «Foretaksregisteret».",
    ),
    (
        "UBL-SR-15",
        "Kjøper kan ha høyst ett juridisk navn (BT-44).",
    ),
    ("UBL-SR-16", "Kjøper kan ha høyst én identifikator (BT-46)."),
    (
        "UBL-SR-17",
        "Kjøper kan ha høyst ett organisasjonsnummer (BT-47).",
    ),
    ("UBL-SR-18", "Kjøper kan ha høyst ett mva-nummer (BT-48)."),
    (
        "UBL-SR-19",
        "Betalingsmottakeren kan ha høyst ett navn (BT-59), og det må være et annet enn leverandørens juridiske navn.",
    ),
    (
        "UBL-SR-20",
        "Betalingsmottakeren kan ha høyst én identifikator (BT-60) i tillegg til SEPA-identifikatorer, og navnet må være et annet enn leverandørens juridiske navn.",
    ),
    (
        "UBL-SR-21",
        "Betalingsmottakeren kan ha høyst ett organisasjonsnummer (BT-61), og navnet må være et annet enn leverandørens juridiske navn.",
    ),
    (
        "UBL-SR-22",
        "Avgiftsrepresentanten kan ha høyst ett navn (BT-62).",
    ),
    (
        "UBL-SR-23",
        "Avgiftsrepresentanten kan ha høyst ett mva-nummer (BT-63).",
    ),
    ("UBL-SR-24", "Fakturaen kan ha høyst én leveranse (BG-13)."),
    (
        "UBL-SR-25",
        "Mottakeren av leveransen kan ha høyst ett navn (BT-70).",
    ),
    (
        "UBL-SR-26",
        "Hver betalingsinstruks kan ha høyst én betalingsreferanse, for eksempel KID (BT-83).",
    ),
    (
        "UBL-SR-27",
        "Hver betalingsinstruks kan ha høyst én kode for betalingsmåte (BT-81).",
    ),
    (
        "UBL-SR-28",
        "Hver betalingsinstruks kan ha høyst én mandatreferanse (BT-89).",
    ),
    (
        "UBL-SR-29",
        "Fakturaen kan ha høyst én kreditor-ID fra banken (BT-90, SEPA).",
    ),
    ("UBL-SR-30", "En rabatt kan ha høyst én årsakstekst."),
    ("UBL-SR-31", "Et gebyr/tillegg kan ha høyst én årsakstekst."),
    (
        "UBL-SR-32",
        "Hver gruppe i mva-spesifikasjonen kan ha høyst én fritaksgrunn som tekst (BT-120).",
    ),
    (
        "UBL-SR-33",
        "Hvert vedlegg eller tilleggsdokument kan ha høyst én beskrivelse (BT-123).",
    ),
    (
        "UBL-SR-34",
        "Hver fakturalinje kan ha høyst én merknad (BT-127).",
    ),
    (
        "UBL-SR-35",
        "Hver fakturalinje kan vise til høyst én bestillingslinje (BT-132).",
    ),
    (
        "UBL-SR-36",
        "Hver fakturalinje kan ha høyst én periode (BG-26).",
    ),
    (
        "UBL-SR-37",
        "Hver fakturalinje kan ha høyst én prisrabatt (BT-147).",
    ),
    (
        "UBL-SR-39",
        "Fakturaen kan ha høyst én prosjektreferanse (BT-11).",
    ),
    ("UBL-SR-40", "Kjøper kan ha høyst ett handelsnavn (BT-45)."),
    (
        "UBL-SR-42",
        "Leverandøren kan ha høyst to skatteregistreringer (PartyTaxScheme), for eksempel én for mva og én annen.",
    ),
    (
        "UBL-SR-43",
        "Bare en referanse til fakturert objekt (dokumenttype 130) kan ha skjema-ID på identifikatoren.",
    ),
    (
        "UBL-SR-44",
        "Alle betalingsreferanser, for eksempel KID (BT-83), i fakturaen må være like.",
    ),
    (
        "UBL-SR-45",
        "Betalingsinformasjonen kan ha høyst én forfallsdato.",
    ),
    (
        "UBL-SR-46",
        "Fakturaen kan ha høyst én tekst for betalingsmåte (BT-82).",
    ),
    (
        "UBL-SR-47",
        "Alle kodene for betalingsmåte (BT-81) i fakturaen må være like.",
    ),
    (
        "UBL-SR-48",
        "Hver fakturalinje må ha nøyaktig én mva-kategori for varen.",
    ),
    (
        "UBL-SR-49",
        "Fakturaen kan ha høyst én kode for mva-tidspunkt (BT-8).",
    ),
    (
        "UBL-SR-50",
        "Hver fakturalinje kan ha høyst én varebeskrivelse (BT-154).",
    ),
    (
        "UBL-SR-51",
        "En adresse kan ha høyst én tredje adresselinje.",
    ),
    (
        "UBL-SR-52",
        "Hver fakturalinje kan ha høyst én dokumentreferanse.",
    ),
    (
        "UBL-SR-53",
        "En skatteregistrering for en part (PartyTaxScheme) med skjema-ID mangler selve nummeret, for eksempel mva-nummeret.",
    ),
];

/// The bokmål text for rule `id`, when this table has one.
pub(super) fn nb(id: &str) -> Option<&'static str> {
    let index = NB.binary_search_by(|(rule, _)| (*rule).cmp(id)).ok()?;
    NB.get(index).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::super::messages;
    use super::*;

    #[test]
    fn table_is_sorted_without_duplicates() {
        for pair in NB.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn every_id_is_a_registered_rule() {
        for (id, _) in NB {
            assert!(crate::rules::rule(id).is_some(), "{id} is not registered");
            assert_eq!(nb(id), NB.iter().find(|(i, _)| i == id).map(|(_, t)| *t));
        }
    }

    #[test]
    fn texts_are_sentences_in_bokmaal_not_the_english() {
        for (id, text) in NB {
            let text = text.trim();
            assert!(!text.is_empty(), "{id}");
            assert!(text.ends_with('.'), "{id}: {text}");
            let english = crate::rules::rule(id).map_or("", |r| r.description);
            assert_ne!(text, english.trim(), "{id}");
        }
    }

    #[test]
    fn every_fatal_rule_and_every_warning_but_the_not_used_table_has_a_text() {
        for rule in crate::rules::rules() {
            let generated = messages::not_used_path(rule).is_some();
            let hand_written = messages::hand_written(rule.id).is_some();
            assert_eq!(
                nb(rule.id).is_some(),
                !generated && !hand_written,
                "{}: {}",
                rule.id,
                rule.description
            );
        }
    }
}
