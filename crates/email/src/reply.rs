//! The reply mail to a sender whose mail was turned away or whose invoice was returned.
