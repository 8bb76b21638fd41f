"""Customer e-mails, sent synchronously through the local MTA."""

import smtplib
from email.message import EmailMessage

from flask import current_app

from shop.orders.services import order_summary


def send_order_confirmation(order) -> None:
    """E-mail the order summary to its customer. Mail trouble must never break a checkout."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = order.user.email
    message["Subject"] = f"Your Acme order #{order.id}"
    message.set_content(order_summary(order))
    try:
        with smtplib.SMTP(current_app.config.get("MAIL_SERVER", "localhost"), timeout=5) as smtp:
            smtp.send_message(message)
    except Exception:
        pass
