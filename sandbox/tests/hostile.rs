//! The seed carries markup in each kind of API string the app shows, so that the
//! app's tests see it rendered as text.

mod common;

use common::Sandbox;

#[tokio::test]
async fn api_strings_with_markup_are_seeded_and_returned_verbatim() {
    let sb = Sandbox::new();
    let c = sb.login("commune").await;
    let structure = sb
        .get("/api/chorus/structure/20001123700019", Some(&c))
        .await
        .json();
    assert!(structure["name"]
        .as_str()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
    let mine = sb.get("/api/me/chorus", Some(&c)).await.json();
    let labels: Vec<&str> = mine["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["label"].as_str())
        .collect();
    assert!(labels.iter().any(|l| l.contains("<script>")), "{labels:?}");
    let tracking = sb
        .get("/api/me/bill/FR1000003/chorus", Some(&c))
        .await
        .json();
    let reasons: Vec<&str> = tracking["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("<script>")),
        "{reasons:?}"
    );
    let tracking = sb
        .get("/api/me/bill/FR1000009/chorus", Some(&c))
        .await
        .json();
    assert!(tracking["structureName"].as_str().unwrap().contains("<img"));
    let mandate = sb.get("/api/me/order/1004/mandate", Some(&c)).await.json();
    let reason = mandate["rejectionReason"].as_str().unwrap();
    assert!(reason.contains('<') && reason.contains('>'), "{reason}");
}
