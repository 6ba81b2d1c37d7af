//! The workspace's categories. The default follows the product brief; names are in English and Chinese.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Stable id stored on tickets (`returns_refunds`).
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
}

/// The default taxonomy: product inquiry, order status, shipping, returns and refunds, after-sales and
/// technical support, billing, complaint, suggestion, account, spam/other.
pub fn default_taxonomy() -> Vec<Category> {
    [
        ("product_inquiry", "Product inquiry", "产品咨询"),
        ("order_status", "Order status", "订单状态"),
        ("shipping", "Shipping & delivery", "物流配送"),
        ("returns_refunds", "Returns & refunds", "退换货与退款"),
        ("technical_support", "After-sales & technical support", "售后与技术支持"),
        ("billing", "Billing & invoices", "账单与发票"),
        ("complaint", "Complaint", "投诉"),
        ("suggestion", "Suggestion", "建议"),
        ("account", "Account", "账户"),
        ("spam_other", "Spam & other", "垃圾邮件及其他"),
    ]
    .into_iter()
    .map(|(id, en, zh)| Category {
        id: id.into(),
        name_en: en.into(),
        name_zh: zh.into(),
    })
    .collect()
}
