//! Rule selectors: codes (`PL301`), names (`missing-required-field`), code prefixes (`PL3`,
//! `PL30`) and `ALL`.

/// A set of rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct Selector {
    codes: Vec<&'static str>,
}

impl Selector {
    /// Adds the rules one selector names.
    pub(crate) fn add(&mut self, sel: &str) -> Result<(), String> {
        let sel = sel.trim();
        let upper = sel.to_ascii_uppercase();
        let matched: Vec<&'static str> = privlink::rules()
            .iter()
            .filter(|r| {
                upper == "ALL"
                    || r.name == sel
                    || r.code == upper
                    || (upper.starts_with("PL") && upper.len() >= 3 && r.code.starts_with(&upper))
            })
            .map(|r| r.code)
            .collect();
        if matched.is_empty() {
            return Err(format!(
                "unknown rule `{sel}` (use a code, a code prefix such as `PL4`, or a name; see `privlink rules`)"
            ));
        }
        for c in matched {
            if !self.codes.contains(&c) {
                self.codes.push(c);
            }
        }
        Ok(())
    }

    /// Builds a selector from a list.
    pub(crate) fn parse<S: AsRef<str>>(list: &[S]) -> Result<Selector, String> {
        let mut s = Selector::default();
        for x in list {
            s.add(x.as_ref())?;
        }
        Ok(s)
    }

    /// The selected codes.
    pub(crate) fn codes(&self) -> &[&'static str] {
        &self.codes
    }

    /// Whether a code is selected.
    pub(crate) fn contains(&self, code: &str) -> bool {
        self.codes.contains(&code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_by_code_name_and_prefix() {
        let s = Selector::parse(&["PL301", "non-canonical-case", "pl6"]).unwrap();
        assert!(s.contains("PL301"));
        assert!(s.contains("PL203"));
        assert!(s.contains("PL601"));
        assert!(!s.contains("PL302"));
        assert!(Selector::parse(&["PL9"]).is_err());
        assert!(Selector::parse(&["nope"]).is_err());
    }
}
