//! SIRET: the 14-digit identifier that routes an invoice to a public structure on Chorus Pro.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A SIRET that passed the checksum rules; holds the 14 digits only.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

/// Why a typed SIRET is not a valid one; each maps to its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiretError {
    Empty,
    /// Something other than digits and spaces was typed.
    NotDigits,
    /// The number of digits, when it is not 14.
    WrongLength(usize),
    /// 14 digits, but the checksum does not hold: most often a typo.
    Checksum,
    /// The 14 digits pass, but the SIREN (the first nine) fails its own check
    /// digit: a typo that happened to keep the whole number's checksum.
    SirenChecksum,
}

impl SiretError {
    /// Stable code, shared by the API's field errors and the app's messages.
    pub fn code(self) -> &'static str {
        match self {
            SiretError::Empty => "siret_required",
            SiretError::NotDigits => "siret_not_digits",
            SiretError::WrongLength(_) => "siret_length",
            SiretError::Checksum => "siret_checksum",
            SiretError::SirenChecksum => "siren_checksum",
        }
    }
}

/// La Poste's establishments share the SIREN 356 000 000 and follow their own checksum.
const LA_POSTE_SIREN: &str = "356000000";
const LA_POSTE_HEAD_OFFICE: &str = "35600000000048";

impl Siret {
    /// Accepts what people type (`213 100 182 00017`, non-breaking spaces included)
    /// and keeps the digits.
    pub fn parse(input: &str) -> Result<Siret, SiretError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .collect();
        if compact.is_empty() {
            return Err(SiretError::Empty);
        }
        if !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(SiretError::NotDigits);
        }
        if compact.len() != 14 {
            return Err(SiretError::WrongLength(compact.len()));
        }
        if !checksum_holds(&compact) {
            return Err(SiretError::Checksum);
        }
        // La Poste's SIREN 356 000 000 is itself Luhn-valid: one rule for all.
        if !luhn(&compact[..9]) {
            return Err(SiretError::SirenChecksum);
        }
        Ok(Siret(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first nine digits: the legal unit.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }

    /// Grouped 3-3-3-5 as printed on French documents.
    pub fn grouped(&self) -> String {
        let d = &self.0;
        format!("{} {} {} {}", &d[..3], &d[3..6], &d[6..9], &d[9..])
    }
}

/// A SIRET as the user reads it: grouped 3-3-3-5 when it is one, else as given
/// (a value the API sent that is not a SIRET is shown, not hidden).
pub fn shown(siret: &str) -> String {
    Siret::parse(siret)
        .map(|s| s.grouped())
        .unwrap_or_else(|_| siret.to_string())
}

fn checksum_holds(digits: &str) -> bool {
    if digits.starts_with(LA_POSTE_SIREN) && digits != LA_POSTE_HEAD_OFFICE {
        let sum: u32 = digits.bytes().map(|b| u32::from(b - b'0')).sum();
        return sum.is_multiple_of(5);
    }
    luhn(digits)
}

/// Luhn over the whole string, doubling every second digit from the right.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

impl fmt::Display for Siret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Siret {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Siret::parse(&value).map_err(|e| format!("invalid SIRET: {}", e.code()))
    }
}

impl From<Siret> for String {
    fn from(value: Siret) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_siret_is_shown_grouped_and_anything_else_as_given() {
        assert_eq!(shown("21445012400018"), "214 450 124 00018");
        assert_eq!(shown("214 450 124 00018"), "214 450 124 00018");
        assert_eq!(shown("1234"), "1234");
        assert_eq!(shown(""), "");
    }

    #[test]
    fn accepts_valid_sirets_with_or_without_spaces() {
        for (input, digits) in [
            ("21310555400017", "21310555400017"),
            ("213 105 554 00017", "21310555400017"),
            ("732 829 320 00074", "73282932000074"),
            ("35600000000048", "35600000000048"),
            ("35600000049837", "35600000049837"),
            ("\u{a0}21310555400017 ", "21310555400017"),
        ] {
            assert_eq!(
                Siret::parse(input).map(String::from),
                Ok(digits.to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_each_kind_of_mistake_with_its_own_error() {
        for (input, error) in [
            ("", SiretError::Empty),
            ("   ", SiretError::Empty),
            ("2131055540001A", SiretError::NotDigits),
            ("213-105-554-00017", SiretError::NotDigits),
            ("2131055540001", SiretError::WrongLength(13)),
            ("213105554000170", SiretError::WrongLength(15)),
            ("21310555400018", SiretError::Checksum),
            ("73282932000075", SiretError::Checksum),
            // La Poste establishment whose digit sum is not a multiple of 5.
            ("35600000049838", SiretError::Checksum),
            // The 14 digits pass Luhn, the SIREN 214 450 123 does not.
            ("21445012300010", SiretError::SirenChecksum),
            ("214 450 123 00010", SiretError::SirenChecksum),
            ("26765432100012", SiretError::SirenChecksum),
        ] {
            assert_eq!(Siret::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn la_poste_establishments_use_the_digit_sum_not_luhn() {
        // Accepted above although Luhn fails: its digits sum to 45.
        assert!(!luhn("35600000049837"));
        assert!(Siret::parse("35600000049837").is_ok());
        // The head office is Luhn-valid, and its digit sum (26) would refuse it.
        assert!(Siret::parse("35600000000048").is_ok());
    }

    #[test]
    fn the_siren_of_every_accepted_siret_passes_luhn() {
        for siret in [
            "21445012400018",
            "26765432500013",
            "20001123700019",
            "13050001000017",
            "35600000000048",
            "35600000049837",
        ] {
            let parsed = Siret::parse(siret).unwrap();
            assert!(luhn(parsed.siren()), "{siret}");
        }
    }

    #[test]
    fn groups_digits_for_display() {
        let siret = Siret::parse("21310555400017").unwrap();
        assert_eq!(siret.grouped(), "213 105 554 00017");
        assert_eq!(siret.siren(), "213105554");
    }

    #[test]
    fn deserializing_checks_the_rules() {
        assert!(serde_json::from_str::<Siret>("\"21310555400017\"").is_ok());
        assert!(serde_json::from_str::<Siret>("\"21310555400018\"").is_err());
    }
}
