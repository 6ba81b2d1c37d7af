use switchboard_channels::email::{ParseError, parse_message};

#[test]
fn decodes_gbk_bodies_and_encoded_word_headers() {
    // "退款" in GBK is CD CB BF EE; the subject is an RFC 2047 encoded word in GB2312 (base64).
    let mut raw = b"From: =?GB2312?B?wO7LxA==?= <li@qq.com>\r\nTo: support@x\r\nSubject: =?GB2312?B?zcu/7g==?=\r\nMessage-ID: <g1@qq.com>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0800\r\nContent-Type: text/plain; charset=gbk\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
    raw.extend_from_slice(&[0xCD, 0xCB, 0xBF, 0xEE, b'\r', b'\n']);
    let msg = parse_message(&raw).unwrap();
    assert_eq!(msg.subject, "退款");
    assert_eq!(msg.from_name, "李四");
    assert_eq!(msg.body_text.trim(), "退款");
    assert_eq!(msg.message_id.as_deref(), Some("g1@qq.com"));
    // 10:00 at +08:00 is 02:00 UTC.
    assert_eq!(msg.sent_at, 1_793_584_800_000);
}

#[test]
fn html_only_mail_gets_text_and_sanitized_html() {
    let raw = b"From: Ann <ann@example.com>\nSubject: hi\nContent-Type: text/html\n\n<p>Hello <b>there</b><script>alert(1)</script><img src=\"http://t.example/p.gif\"><p>unclosed";
    let msg = parse_message(raw).unwrap();
    assert!(msg.body_text.contains("Hello"), "{}", msg.body_text);
    let html = msg.body_html.unwrap();
    assert!(html.contains("<b>there</b>"), "{html}");
    assert!(!html.contains("script"), "{html}");
    // The remote image stays only as an inert reference the browser cannot load.
    assert!(
        html.contains(r#"<img src="sb-remote:http://t.example/p.gif">"#),
        "{html}"
    );
}

#[test]
fn threading_headers_are_read_without_brackets() {
    let raw =
        b"From: a@example.com\nSubject: Re: x\nMessage-ID: <c@x>\nIn-Reply-To: <b@x>\nReferences: <a@x> <b@x>\n\nbody";
    let msg = parse_message(raw).unwrap();
    assert_eq!(msg.in_reply_to.as_deref(), Some("b@x"));
    assert_eq!(msg.references, ["a@x", "b@x"]);
}

#[test]
fn auto_replies_bulk_and_bounces_are_marked() {
    let cases: [&[u8]; 6] = [
        b"From: a@example.com\nAuto-Submitted: auto-replied\nSubject: OOO\n\naway",
        b"From: a@example.com\nX-Autoreply: yes\nSubject: OOO\n\naway",
        b"From: a@example.com\nPrecedence: bulk\nSubject: News\n\nnews",
        b"From: a@example.com\nList-Id: <news.example.com>\nSubject: News\n\nnews",
        b"From: MAILER-DAEMON@example.com\nReturn-Path: <>\nSubject: Undelivered\n\nbounce",
        b"From: postmaster@example.com\nSubject: DSN\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nfailed\n--b--\n",
    ];
    for raw in cases {
        assert!(
            parse_message(raw).unwrap().auto_generated,
            "{}",
            String::from_utf8_lossy(raw)
        );
    }
    let human = b"From: a@example.com\nAuto-Submitted: no\nSubject: Hi\n\nhello";
    assert!(!parse_message(human).unwrap().auto_generated);
}

#[test]
fn broken_input_is_a_clear_error() {
    assert_eq!(parse_message(b"").unwrap_err(), ParseError::NotAMessage);
    assert!(parse_message(b"\x00\x01\x02 garbage").is_err());
    assert_eq!(
        parse_message(b"Subject: no sender\n\nbody").unwrap_err(),
        ParseError::NoSender
    );
    assert_eq!(
        parse_message(b"From: not an address\nSubject: x\n\nbody").unwrap_err(),
        ParseError::NoSender
    );
}

#[test]
fn attachments_keep_names_types_and_bytes() {
    let raw = b"From: a@example.com\nSubject: photo\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: image/png\nContent-Disposition: attachment; filename*=UTF-8''%E7%AE%B1%E5%AD%90.png\nContent-Transfer-Encoding: base64\n\naGVsbG8=\n--b--\n";
    let msg = parse_message(raw).unwrap();
    assert_eq!(msg.attachments.len(), 1);
    let attachment = &msg.attachments[0];
    assert_eq!(attachment.filename, "箱子.png");
    assert_eq!(attachment.content_type, "image/png");
    assert_eq!(attachment.bytes, b"hello");
}

#[test]
fn web_form_mail_from_no_reply_belongs_to_the_reply_to_customer() {
    let raw = b"From: Shop Website <no-reply@shop.example>\nReply-To: Ann Lee <ann@example.com>\nSubject: [Contact form] Hi\n\nbody";
    let msg = parse_message(raw).unwrap();
    assert_eq!(msg.from_address, "ann@example.com");
    assert_eq!(msg.from_name, "Ann Lee");
    let plain = b"From: Bob <bob@example.com>\nReply-To: other@example.com\nSubject: Hi\n\nbody";
    assert_eq!(parse_message(plain).unwrap().from_address, "bob@example.com");
}

#[test]
fn list_headers_are_not_noise_when_the_support_address_is_itself_a_group() {
    use switchboard_channels::email::parse_message_for;
    let via_group = b"From: Ann <ann@shop.example>\nList-Id: <support.aurora.example>\nPrecedence: list\nSubject: Refund\n\nPlease refund.";
    assert!(parse_message_for(via_group, false).unwrap().auto_generated);
    assert!(!parse_message_for(via_group, true).unwrap().auto_generated);
    // Real auto-replies stay noise either way.
    let auto =
        b"From: a@shop.example\nList-Id: <support.aurora.example>\nAuto-Submitted: auto-replied\nSubject: OOO\n\naway";
    assert!(parse_message_for(auto, true).unwrap().auto_generated);
    let bulk = b"From: a@shop.example\nPrecedence: bulk\nSubject: News\n\nnews";
    assert!(parse_message_for(bulk, true).unwrap().auto_generated);
}
