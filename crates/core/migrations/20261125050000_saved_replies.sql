-- Saved replies (canned responses) with {{variables}}; optionally tied to a category and a language, so
-- drafts can pick the right one. A new workspace starts with a few in English and Chinese.
CREATE TABLE saved_replies (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    category   TEXT,
    language   TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

INSERT INTO saved_replies (title, body, category, language, created_at, updated_at) VALUES
('Where is my order',
 'Hi {{first_name}},

Thanks for getting in touch about {{order_number}}. I have checked your order and will send you the tracking details as soon as the carrier updates them — usually within one working day.

Best regards,
{{agent_name}}', 'shipping', 'en', 0, 0),
('Refund started',
 'Hi {{first_name}},

I am sorry the item did not work out. I have started the refund for {{order_number}}; it will reach your original payment method within 5–7 working days.

Best regards,
{{agent_name}}', 'returns_refunds', 'en', 0, 0),
('Invoice',
 'Hi {{first_name}},

Please find the corrected invoice for {{order_number}} attached. Let me know if anything else on it needs changing.

Best regards,
{{agent_name}}', 'billing', 'en', 0, 0),
('Thanks, we are on it',
 'Hi {{first_name}},

Thank you for your message about "{{subject}}". We are looking into it and will get back to you within one working day (ticket #{{ticket_number}}).

Best regards,
{{agent_name}}', NULL, 'en', 0, 0),
('物流查询',
 '{{customer_name}}，您好：

感谢您的来信。关于订单 {{order_number}}，我们已联系物流公司，一旦有最新物流信息会第一时间通知您，通常在一个工作日内。

祝好！
{{agent_name}}', 'shipping', 'zh', 0, 0),
('退款处理',
 '{{customer_name}}，您好：

非常抱歉给您带来不便。订单 {{order_number}} 的退款已经提交，预计 5–7 个工作日退回原支付账户。

祝好！
{{agent_name}}', 'returns_refunds', 'zh', 0, 0),
('发票',
 '{{customer_name}}，您好：

已为订单 {{order_number}} 重新开具发票，请查收附件。如还有需要修改的地方，请随时告诉我们。

祝好！
{{agent_name}}', 'billing', 'zh', 0, 0),
('已收到',
 '{{customer_name}}，您好：

您关于“{{subject}}”的来信已收到，我们正在处理，会在一个工作日内回复您（工单号 #{{ticket_number}}）。

祝好！
{{agent_name}}', NULL, 'zh', 0, 0);
