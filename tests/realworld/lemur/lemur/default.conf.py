# Reproduces Netflix/lemur lemur/default.conf.py: loaded with from_pyfile.
LEMUR_DEFAULT_NOTIFICATION_PLUGIN = "email-notification"
CORS = False
SQLALCHEMY_DATABASE_URI = "sqlite://"
