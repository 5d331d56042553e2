//! What each key of a JSON record must hold, so a record that cannot be read is
//! reported by the key that is wrong, what it should hold and what the file holds.

use serde::de::DeserializeOwned;
use serde_json::Value;

pub(super) fn record<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|error| error.to_string())
}

/// What one key of a record must hold, for a message that names it.
pub(super) struct Field {
    pub name: &'static str,
    /// "a date like \"2026-11-02\"", as the message says it.
    pub expected: &'static str,
    /// Whether the key may be left out.
    pub optional: bool,
    pub fits: fn(&Value) -> bool,
    /// For a list of records: what each key of a record in it must hold, to name
    /// the very key that is wrong (`kept[2].check_ins`).
    pub items: &'static [Field],
}

pub(super) const fn field(
    name: &'static str,
    expected: &'static str,
    fits: fn(&Value) -> bool,
) -> Field {
    Field {
        name,
        expected,
        optional: false,
        fits,
        items: &[],
    }
}

pub(super) const fn optional(
    name: &'static str,
    expected: &'static str,
    fits: fn(&Value) -> bool,
) -> Field {
    Field {
        optional: true,
        ..field(name, expected, fits)
    }
}

pub(super) fn fits<T: DeserializeOwned>(value: &Value) -> bool {
    T::deserialize(value).is_ok()
}

/// A list of records, each with `items` keys.
pub(super) const fn list_of(
    name: &'static str,
    expected: &'static str,
    fits: fn(&Value) -> bool,
    items: &'static [Field],
) -> Field {
    Field {
        items,
        ..field(name, expected, fits)
    }
}

/// `value` read as a `what` (an entry, a commitment), or a message naming the key
/// that is wrong, what it should hold and what it holds.
pub(super) fn described<T: DeserializeOwned>(
    value: &Value,
    what: &str,
    fields: &[Field],
) -> Result<T, String> {
    let error = match T::deserialize(value) {
        Ok(record) => return Ok(record),
        Err(error) => error,
    };
    let Some(object) = value.as_object() else {
        return Err(format!(
            "{what} should be an object {{\"{}\": ...}}, not {}",
            fields.first().map_or("id", |field| field.name),
            shown(value)
        ));
    };
    for field in fields {
        match object.get(field.name) {
            None if field.optional => {}
            None => {
                return Err(format!(
                    "{what} has no \"{}\"; it should be {}",
                    field.name, field.expected
                ));
            }
            Some(found) if !(field.fits)(found) => {
                if let Some(problem) = item_problem(field, found) {
                    return Err(problem);
                }
                return Err(format!(
                    "\"{}\" should be {}, not {}",
                    field.name,
                    field.expected,
                    shown(found)
                ));
            }
            Some(_) => {}
        }
    }
    // Every key looked right on its own: say what serde saw.
    Err(format!("{what} cannot be read: {error}"))
}

/// In a list of records, the first key of the first record that is wrong:
/// `"kept[1].check_ins" should be a whole number, not "x"`.
fn item_problem(field: &Field, found: &Value) -> Option<String> {
    let list = found.as_array()?;
    if field.items.is_empty() {
        return None;
    }
    list.iter().enumerate().find_map(|(index, item)| {
        let Some(object) = item.as_object() else {
            return Some(format!(
                "\"{}[{index}]\" should be an object {{\"{}\": ...}}, not {}",
                field.name,
                field.items[0].name,
                shown(item)
            ));
        };
        field
            .items
            .iter()
            .find_map(|key| match object.get(key.name) {
                None if key.optional => None,
                None => Some(format!(
                    "\"{}[{index}]\" has no \"{}\"; it should be {}",
                    field.name, key.name, key.expected
                )),
                Some(value) if !(key.fits)(value) => Some(format!(
                    "\"{}[{index}].{}\" should be {}, not {}",
                    field.name,
                    key.name,
                    key.expected,
                    shown(value)
                )),
                Some(_) => None,
            })
    })
}

/// A value as the message shows it: its JSON, shortened.
pub(super) fn shown(value: &Value) -> String {
    const MOST: usize = 40;
    let text = value.to_string();
    if text.chars().count() <= MOST {
        return text;
    }
    let cut: String = text.chars().take(MOST - 1).collect();
    format!("{cut}…")
}
