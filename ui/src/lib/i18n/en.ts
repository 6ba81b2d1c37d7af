// English strings: the reference dictionary. Every other language must have exactly these keys.
// `{name}` marks a parameter filled in by `t(key, { name })`.
export const en = {
  'app.name': 'Switchboard',
  'app.loading': 'Opening workspace…',
  'app.retry': 'Try again',
  'app.startFailed': 'The workspace could not be opened.',

  'lang.label': 'Language',

  'workspace.demo': 'Demo workspace',
  'workspace.accounts': 'Accounts: {count}',
  'workspace.noAccounts': 'No account connected',
  'workspace.tickets': 'Tickets: {count}',
  'workspace.dataDir': 'Data folder: {path}',

  'views.heading': 'Views',
  'views.channels': 'Channels',
  'view.all_open': 'All open',
  'view.unassigned': 'Unassigned',
  'view.needs_review': 'Needs review',
  'view.pending': 'Pending',
  'view.resolved': 'Resolved',

  'channel.email': 'Email',
  'channel.phone': 'Phone',
  'channel.telegram': 'Telegram',
  'channel.wechat': 'WeChat',

  'status.new': 'New',
  'status.open': 'Open',
  'status.pending': 'Pending',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',

  'priority.urgent': 'Urgent',
  'priority.high': 'High',
  'priority.normal': 'Normal',
  'priority.low': 'Low',

  'age.now': 'now',
  'age.minutes': '{n}m',
  'age.hours': '{n}h',
  'age.days': '{n}d',

  'search.placeholder': 'Search tickets',
  'search.clear': 'Clear search',
  'search.results': 'Results for “{query}”',
  'search.searching': 'Searching…',
  'search.noResults': 'No tickets match “{query}”.',
  'search.limited': 'Showing the first {count} matches. Refine the search to narrow them down.',

  'list.empty': 'No tickets in this view.',
  'list.emptyHint': 'New conversations appear here as they arrive.',
  'list.loading': 'Loading…',
  'list.unread': 'Unread',
  'list.aria': 'Tickets',

  'ticket.none': 'No ticket open',
  'ticket.noneHint': 'Choose a ticket from the list, or press j / k and Enter.',
  'ticket.loading': 'Loading ticket…',
  'ticket.number': '#{number}',
  'ticket.resolve': 'Resolve',
  'ticket.reopen': 'Reopen',
  'ticket.pending': 'Pending',
  'ticket.needsReview': 'Needs review',
  'ticket.automated': 'Automated',
  'ticket.assignee': 'Assigned to {name}',
  'ticket.unassigned': 'Unassigned',
  'ticket.customer': 'Customer',
  'ticket.customerTickets': 'Tickets: {count}',
  'ticket.conversation': 'Conversation',
  'ticket.messages': 'Messages: {count}',
  'ticket.category': 'Category',
  'ticket.summary': 'AI summary',
  'ticket.created': 'Created {time}',

  'message.inbound': 'Customer',
  'message.outbound': 'Reply',
  'message.note': 'Internal note',
  'message.autoReply': 'Auto-reply',
  'message.attachments': 'Attachments',
  'message.inline': 'inline',
  'message.htmlTitle': 'Message from {author}',
  'message.empty': '(no text)',

  'reply.label': 'Reply',
  'reply.placeholder': 'Write a reply to {name}…',
  'reply.send': 'Send',
  'reply.sending': 'Sending…',
  'reply.hint': 'Ctrl+Enter to send',
  'reply.hintMac': '⌘+Enter to send',
  'reply.outbox': 'Outbox',

  'outbox.queued': 'Queued',
  'outbox.sending': 'Sending',
  'outbox.sent': 'Sent',
  'outbox.failed': 'Failed',
  'outbox.attempts': 'Attempts: {count}',

  'welcome.title': 'Welcome to Switchboard',
  'welcome.body':
    'No account is configured yet, so there is nothing to show. Switchboard brings email, phone, Telegram and WeChat conversations into one inbox.',
  'welcome.demoBody':
    'Open the demo workspace to explore a realistic inbox with sample customers and conversations. It stays on this computer.',
  'welcome.openDemo': 'Open demo workspace',
  'welcome.importing': 'Importing demo conversations…',
  'welcome.progress': '{done} of {total}',

  'error.title': 'Something went wrong',
  'error.dismiss': 'Dismiss',
  'error.unknown': 'An unexpected error occurred: {message}',

  'help.title': 'Keyboard shortcuts',
  'help.close': 'Close',
  'help.open': 'Keyboard shortcuts (?)',
  'help.next': 'Next ticket',
  'help.prev': 'Previous ticket',
  'help.openTicket': 'Open the selected ticket',
  'help.reply': 'Write a reply',
  'help.resolve': 'Resolve the open ticket',
  'help.search': 'Search',
  'help.clear': 'Clear search / close',
  'help.send': 'Send the reply',
  'help.help': 'Show this help',
  'help.or': 'or',

  'size.bytes': '{n} B',
  'size.kb': '{n} KB',
  'size.mb': '{n} MB',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;

/** A full translation: every key of the English dictionary, and no other. */
export type Dictionary = { readonly [K in MessageKey]: string };
