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

/// Where a workspace's own taxonomy is kept (absent: the default).
pub const SETTING_KEY: &str = "taxonomy";

/// The workspace's categories: its edited taxonomy, else the default.
pub async fn workspace_taxonomy(store: &switchboard_core::Store) -> switchboard_core::Result<Vec<Category>> {
    Ok(store
        .setting(SETTING_KEY)
        .await?
        .and_then(|json| serde_json::from_str::<Vec<Category>>(&json).ok())
        .filter(|t| validate(t).is_ok())
        .unwrap_or_else(default_taxonomy))
}

/// Checks an edited taxonomy: at least two categories, ids of lower-case letters, digits and `_`,
/// unique, and every category named in both languages.
pub fn validate(categories: &[Category]) -> Result<(), String> {
    if categories.len() < 2 {
        return Err("a taxonomy needs at least two categories".into());
    }
    let mut seen = std::collections::HashSet::new();
    for c in categories {
        let id_ok = !c.id.is_empty()
            && c.id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
        if !id_ok {
            return Err(format!("'{}' is not a valid category id (use a-z, 0-9 and _)", c.id));
        }
        if !seen.insert(c.id.as_str()) {
            return Err(format!("the category id '{}' is used twice", c.id));
        }
        if c.name_en.trim().is_empty() || c.name_zh.trim().is_empty() {
            return Err(format!("the category '{}' needs an English and a Chinese name", c.id));
        }
    }
    Ok(())
}

/// Saves the workspace's taxonomy after checking it. Tickets keep their category ids; the offline
/// model learns new categories from the agent's labels.
pub async fn save_taxonomy(store: &switchboard_core::Store, categories: &[Category]) -> switchboard_core::Result<()> {
    validate(categories).map_err(switchboard_core::Error::Invalid)?;
    let cleaned: Vec<Category> = categories
        .iter()
        .map(|c| Category {
            id: c.id.clone(),
            name_en: c.name_en.trim().to_string(),
            name_zh: c.name_zh.trim().to_string(),
        })
        .collect();
    let json = serde_json::to_string(&cleaned).map_err(|e| switchboard_core::Error::Invalid(e.to_string()))?;
    store.set_setting(SETTING_KEY, &json).await
}

#[cfg(test)]
mod tests {
    use super::{Category, default_taxonomy, validate};

    #[test]
    fn edited_taxonomies_are_checked() {
        assert!(validate(&default_taxonomy()).is_ok());
        let cat = |id: &str, en: &str, zh: &str| Category {
            id: id.into(),
            name_en: en.into(),
            name_zh: zh.into(),
        };
        assert!(validate(&[cat("a", "A", "甲")]).unwrap_err().contains("at least two"));
        assert!(
            validate(&[cat("Bad Id", "A", "甲"), cat("b", "B", "乙")])
                .unwrap_err()
                .contains("not a valid")
        );
        assert!(
            validate(&[cat("a", "A", "甲"), cat("a", "B", "乙")])
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            validate(&[cat("a", "A", " "), cat("b", "B", "乙")])
                .unwrap_err()
                .contains("Chinese")
        );
    }
}
