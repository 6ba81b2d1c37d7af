#!/usr/bin/env bash
# A real IMAP server on loopback for tests and benchmarks: Debian's dovecot, run in the foreground from a
# generated configuration under DIR (no systemd, no system config touched). Users are USER:PASSWORD
# pairs; mail is kept as Maildir under DIR/mail/<user>. LMTP listens too, for delivering new mail.
#
#     dovecot.sh DIR IMAP_PORT LMTP_PORT USER:PASSWORD [USER:PASSWORD ...]
#
# Dovecot refuses to serve mail as root, so as root it runs as the unprivileged `vmail` user (created
# here when missing). Stop it by killing the process this script becomes.
set -euo pipefail
dir=$(realpath -m "$1"); imap_port=$2; lmtp_port=$3; shift 3
mkdir -p "$dir/mail" "$dir/run" "$dir/state"
if [ "$(id -u)" -eq 0 ]; then
  id vmail >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin vmail
  user=vmail
else
  user=$(id -un)
fi
group=$(id -gn "$user")
: >"$dir/users"
for pair in "$@"; do echo "${pair%%:*}:{PLAIN}${pair#*:}::::::" >>"$dir/users"; done
cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:$dir/mail/%u
mail_fsync = never
# LMTP to alice+Sent files straight into Sent: how the SMTP test sink imitates providers (Gmail, Office
# 365) that file mail submitted by SMTP into the sender's Sent folder themselves.
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
first_valid_uid = 0
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
mail_uid = $user
mail_gid = $group
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$user gid=$group home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
CONF
if [ "$user" != "$(id -un)" ]; then
  chown -R "$user:$group" "$dir"
  # vmail must be able to pass through the directories above (private temp dirs are 0700): grant
  # traversal only (o+x), not listing.
  parent=$(dirname "$dir")
  while [ "$parent" != "/" ]; do
    [ -n "$(find "$parent" -maxdepth 0 -perm -o+x)" ] || chmod o+x "$parent"
    parent=$(dirname "$parent")
  done
fi
chmod 755 "$dir"
exec /usr/sbin/dovecot -F -c "$dir/dovecot.conf"
