//! The JSON output validates against schema/report.schema.json.

use assert_cmd::Command;
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/report.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn seeds_report() -> Value {
    let out = Command::cargo_bin("factdiff")
        .unwrap()
        .args(["compare", "fixtures/seeds", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_seed_report_validates_against_the_schema() {
    let report = seeds_report();
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_an_unknown_severity_and_a_missing_field() {
    let validator = schema();
    let mut report = seeds_report();
    let cluster = report["clusters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| !c["discrepancies"].as_array().unwrap().is_empty())
        .expect("a cluster with findings");
    cluster["discrepancies"][0]["severity"] = Value::from("catastrophe");
    assert!(!validator.is_valid(&report));
    let mut report = seeds_report();
    report.as_object_mut().unwrap().remove("schema_version");
    assert!(!validator.is_valid(&report));
}
