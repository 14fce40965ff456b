//! JSON Schemas (draft 2020-12) of what kohtaa writes for other programs: a line of
//! `kohtaa export` and the JSON of `kohtaa report`. Both are derived from the types that
//! write them ([`ExportLine`], [`Report`]), so a schema cannot drift from the output; a test
//! validates real output against them with an independent validator.
//!
//! Versioning: each schema's `$id` ends in the format version its output carries in its
//! `format` field (the run record's [`FORMAT_VERSION`], the report's
//! [`REPORT_FORMAT_VERSION`]). Adding a field keeps the version; renaming or removing one,
//! or changing what it means, raises it.

use schemars::{JsonSchema, schema_for};
use serde_json::Value;

use crate::practice::export::ExportLine;
use crate::practice::record::FORMAT_VERSION;
use crate::practice::report::{REPORT_FORMAT_VERSION, Report};

/// Where the schemas say they come from. Not a page to fetch: an identifier.
const BASE: &str = "urn:kohtaa:schema";

fn with_id<T: JsonSchema>(name: &str, version: u32) -> Value {
    let mut schema = schema_for!(T).to_value();
    if let Some(map) = schema.as_object_mut() {
        map.insert("$id".into(), format!("{BASE}:{name}:{version}").into());
    }
    schema
}

/// The schema of one line of `kohtaa export` (a JSON object per line).
pub fn export() -> Value {
    with_id::<ExportLine<'static>>("export", FORMAT_VERSION)
}

/// The schema of `kohtaa report --format json`.
pub fn report() -> Value {
    with_id::<Report>("report", REPORT_FORMAT_VERSION)
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_schema_names_its_version_and_the_fields_it_requires() {
        let export = super::export();
        assert_eq!(export["$id"], "urn:kohtaa:schema:export:1");
        let required = export["required"].as_array().unwrap();
        for field in [
            "format",
            "id",
            "scenario",
            "choices",
            "measurement",
            "status",
        ] {
            assert!(required.iter().any(|r| r == field), "{field}: {export:#}");
        }
        assert!(!required.iter().any(|r| r == "style_profile"));
        let report = super::report();
        assert_eq!(report["$id"], "urn:kohtaa:schema:report:1");
        assert!(report["properties"]["steps"].is_object(), "{report:#}");
    }
}
