//! The billing API's resources, one call each: the only place the app writes
//! a `/me/...` path.

use mandat_model::billing::{
    Bill, BillPage, ChorusTracking, Debt, FollowUp, PayRequest, PaymentMethods, PaymentReceipt,
};
use mandat_model::chorus::{ChorusRouting, ChorusStructure};
use mandat_model::documents::BillDocuments;
use mandat_model::mandate::Mandate;
use mandat_model::renewal::Renewal;
use mandat_model::timeline::BillQuery;
use mandat_model::{Account, ApiError, Order, OrderDetail, OrderStatus};

use super::Api;

impl Api {
    /// `GET /me`
    pub async fn me(&self) -> Result<Account, ApiError> {
        self.get_json("/me").await
    }

    /// `GET /me/order`: the ids of the account's orders.
    pub async fn order_ids(&self) -> Result<Vec<u64>, ApiError> {
        self.get_json("/me/order").await
    }

    /// `GET /me/order/{orderId}`
    pub async fn order(&self, order_id: u64) -> Result<Order, ApiError> {
        self.get_json(&format!("/me/order/{order_id}")).await
    }

    /// `GET /me/order/{orderId}/mandate`: the mandate of an order paid by mandate.
    pub async fn mandate(&self, order_id: u64) -> Result<Mandate, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/mandate"))
            .await
    }

    /// `GET /me/bill?…`: one page of the invoices `query` filters, sorts and pages.
    pub async fn bills(&self, query: &BillQuery) -> Result<BillPage, ApiError> {
        self.get_json(&query.api_path(query.page, query.page_size))
            .await
    }

    /// `GET /me/bill?…`: one page of the invoices that may wait for the buyer
    /// (see `mandat_model::todo::bills_path`).
    pub async fn bills_waiting(&self, page: u32) -> Result<BillPage, ApiError> {
        self.get_json(&mandat_model::todo::bills_path(page)).await
    }

    /// `GET /me/order/{orderId}/followUp`: where the order stands, its mandate's state.
    pub async fn follow_up(&self, order_id: u64) -> Result<FollowUp, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/followUp"))
            .await
    }

    /// `GET /me/order/{orderId}/details`: the order's lines.
    pub async fn order_details(&self, order_id: u64) -> Result<Vec<OrderDetail>, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/details"))
            .await
    }

    /// `GET /me/order/{orderId}/status`
    pub async fn order_status(&self, order_id: u64) -> Result<OrderStatus, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/status")).await
    }

    /// `GET /me/order/{orderId}/paymentMethods`
    pub async fn payment_methods(&self, order_id: u64) -> Result<PaymentMethods, ApiError> {
        self.get_json(&format!("/me/order/{order_id}/paymentMethods"))
            .await
    }

    /// `GET /me/chorus`: the account's own Chorus Pro structure; `None` when it has
    /// none (`null`, or a 404 from an API that answers so).
    pub async fn my_structure(&self) -> Result<Option<ChorusStructure>, ApiError> {
        match self.get_json::<Option<ChorusStructure>>("/me/chorus").await {
            Ok(structure) => Ok(structure),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `GET /chorus/structure/{siret}`: a structure looked up by its SIRET (digits only).
    pub async fn structure(&self, siret: &str) -> Result<ChorusStructure, ApiError> {
        self.get_json(&format!("/chorus/structure/{siret}")).await
    }

    /// `GET /me/renewal`: the account's services that renew automatically.
    pub async fn renewals(&self) -> Result<Vec<Renewal>, ApiError> {
        self.get_json("/me/renewal").await
    }

    /// `POST /me/renewal/{renewalId}/routing`: the routing of the renewal's
    /// next invoice, applied once per `idempotency_key`.
    pub async fn set_renewal_routing(
        &self,
        renewal_id: u64,
        routing: &ChorusRouting,
        idempotency_key: &str,
    ) -> Result<Renewal, ApiError> {
        self.post_json(
            &format!("/me/renewal/{renewal_id}/routing"),
            routing,
            Some(idempotency_key),
        )
        .await
    }

    /// `POST /me/order/{orderId}/pay`, applied once per `idempotency_key`.
    pub async fn pay(
        &self,
        order_id: u64,
        request: &PayRequest,
        idempotency_key: &str,
    ) -> Result<PaymentReceipt, ApiError> {
        self.post_json(
            &format!("/me/order/{order_id}/pay"),
            request,
            Some(idempotency_key),
        )
        .await
    }

    /// `GET /me/bill/{billId}`
    pub async fn bill(&self, bill_id: &str) -> Result<Bill, ApiError> {
        self.get_json(&bill_path(bill_id)).await
    }

    /// `GET /me/bill/{billId}/chorus`: the bill's journey on Chorus Pro (404
    /// for a bill that does not go through it).
    pub async fn bill_tracking(&self, bill_id: &str) -> Result<ChorusTracking, ApiError> {
        self.get_json(&format!("{}/chorus", bill_path(bill_id)))
            .await
    }

    /// `GET /me/bill/{billId}/debt`: what is paid and what is left.
    pub async fn bill_debt(&self, bill_id: &str) -> Result<Debt, ApiError> {
        self.get_json(&format!("{}/debt", bill_path(bill_id))).await
    }

    /// `GET /me/bill/{billId}/documents`: the answer to the bill's suspension.
    pub async fn bill_documents(&self, bill_id: &str) -> Result<BillDocuments, ApiError> {
        self.get_json(&documents_path(bill_id)).await
    }

    /// `POST /me/bill/{billId}/documents/send`: the documents received are sent.
    /// Not repeated on its own: a second sending is refused (409), and the page
    /// reads the answer again instead.
    pub async fn send_bill_documents(&self, bill_id: &str) -> Result<BillDocuments, ApiError> {
        self.post_json(
            &format!("{}/send", documents_path(bill_id)),
            &serde_json::json!({}),
            None,
        )
        .await
    }

    /// `PUT /me/bill/{billId}/chorus/routing`: the corrected routing of an invoice
    /// à recycler, applied once per `idempotency_key`; the invoice's tracking,
    /// re-deposited.
    pub async fn correct_routing(
        &self,
        bill_id: &str,
        routing: &ChorusRouting,
        idempotency_key: &str,
    ) -> Result<ChorusTracking, ApiError> {
        self.send_json(
            "PUT",
            &format!("{}/chorus/routing", bill_path(bill_id)),
            routing,
            Some(idempotency_key),
        )
        .await
    }
}

fn bill_path(bill_id: &str) -> String {
    format!("/me/bill/{}", js_sys::encode_uri_component(bill_id))
}

fn documents_path(bill_id: &str) -> String {
    format!("{}/documents", bill_path(bill_id))
}
