//! The one error type every API call returns, whatever the API or transport.

use crate::validation::FieldErrors;

/// What went wrong with a call, in terms the UI can show and act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an HTTP answer (offline, DNS, CORS, refused).
    Network(String),
    /// No answer within the transport's time limit; the request was aborted.
    Timeout { seconds: u32 },
    /// 400 with per-field messages (dotted keys for nested fields).
    Validation(FieldErrors),
    /// 400 without a field map.
    BadRequest(String),
    /// 401: bad or expired token, bad credentials, bad app key, locked account.
    Unauthorized(String),
    /// 403: password expired, permission denied.
    Forbidden(String),
    /// 404: the resource does not exist.
    NotFound(String),
    /// 405: the verb is not supported for this path.
    MethodNotAllowed(String),
    /// 401 naming the application key: the console's key is wrong or missing.
    /// Signing in again cannot help; the key is set under Connections.
    BadAppKey(String),
    /// 415: the server refused the body's media type.
    UnsupportedMediaType(String),
    /// 429: too many requests; `retry_after` is the server's `Retry-After` in seconds.
    TooManyRequests { retry_after: Option<u32> },
    /// 5xx or any status the API does not document.
    Server { status: u16, message: String },
    /// The answer's body was not what the API documents (garbage, wrong shape).
    UnexpectedResponse(String),
    /// A documented refusal, already worded for the user by the API's own
    /// rules (a sign-in the server turned down): shown as it is, and not
    /// worth sending again unchanged.
    Refused(String),
}

impl ApiError {
    /// What a status stands for when the API's answer says nothing more
    /// specific: `message` is the server's text; 429 carries `Retry-After`.
    /// Each dialect handles its own special cases first (field errors,
    /// refused keys) and falls back to this.
    pub fn from_status(status: u16, message: String, retry_after: Option<u32>) -> ApiError {
        match status {
            400 => ApiError::BadRequest(message),
            401 => ApiError::Unauthorized(message),
            403 => ApiError::Forbidden(message),
            404 => ApiError::NotFound(message),
            405 => ApiError::MethodNotAllowed(message),
            415 => ApiError::UnsupportedMediaType(message),
            429 => ApiError::TooManyRequests { retry_after },
            status => ApiError::Server { status, message },
        }
    }

    /// A sentence for the user.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network(detail) => format!("Could not reach the server ({detail})."),
            ApiError::Timeout { seconds } => {
                format!("The server did not answer within {seconds} seconds.")
            }
            ApiError::Validation(errors) => {
                let count = errors.iter().count();
                if count == 1 {
                    "One field needs attention.".to_string()
                } else {
                    format!("{count} fields need attention.")
                }
            }
            ApiError::BadRequest(text) => format!("The server rejected the request: {text}"),
            ApiError::Unauthorized(text) => format!("Not authorised: {text}"),
            ApiError::Forbidden(text) => format!("Forbidden: {text}"),
            ApiError::NotFound(text) => format!("Not found: {text}"),
            ApiError::MethodNotAllowed(text) => format!("Not allowed: {text}"),
            ApiError::BadAppKey(text) => format!(
                "The server refused this console's application key ({text}). Check the key under Connections, or ask the system owner for a new one."
            ),
            ApiError::UnsupportedMediaType(text) => {
                format!("The server refused the request's format (HTTP 415): {text}")
            }
            ApiError::TooManyRequests { retry_after } => match retry_after {
                Some(seconds) => format!(
                    "The server is busy (too many requests). A retry is possible in {seconds} seconds."
                ),
                None => "The server is busy (too many requests). Wait a moment, then try again."
                    .to_string(),
            },
            ApiError::Server { status, message } => {
                format!("The server failed (HTTP {status}): {message}")
            }
            ApiError::UnexpectedResponse(detail) => {
                format!("The server sent an unexpected answer: {detail}")
            }
            ApiError::Refused(sentence) => sentence.clone(),
        }
    }

    /// Whether sending the same request again may succeed. A refusal the
    /// server will repeat (403, 404, 405, 415, a bad app key, field errors)
    /// is not; passing faults (network, timeout, 5xx, 429, a garbled answer)
    /// and 401 (which asks for the password first) are.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network(_)
                | ApiError::Timeout { .. }
                | ApiError::Server { .. }
                | ApiError::TooManyRequests { .. }
                | ApiError::UnexpectedResponse(_)
                | ApiError::Unauthorized(_)
        )
    }

    /// Whether a create that failed this way may still have created the
    /// record: the request may have reached the server and the answer was
    /// lost or garbled. Sending it again blindly could make a duplicate.
    pub fn may_have_applied(&self) -> bool {
        matches!(
            self,
            ApiError::Network(_)
                | ApiError::Timeout { .. }
                | ApiError::Server { .. }
                | ApiError::UnexpectedResponse(_)
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_the_server_will_repeat_are_not_retryable() {
        for refused in [
            ApiError::Forbidden("x".into()),
            ApiError::NotFound("x".into()),
            ApiError::MethodNotAllowed("x".into()),
            ApiError::UnsupportedMediaType("x".into()),
            ApiError::BadAppKey("x".into()),
            ApiError::BadRequest("x".into()),
            ApiError::Refused("The username or password is wrong.".into()),
        ] {
            assert!(!refused.is_retryable(), "{refused:?}");
            assert!(!refused.may_have_applied(), "{refused:?}");
        }
        for passing in [
            ApiError::Network("x".into()),
            ApiError::Timeout { seconds: 20 },
            ApiError::Server {
                status: 502,
                message: "x".into(),
            },
            ApiError::TooManyRequests {
                retry_after: Some(3),
            },
            ApiError::UnexpectedResponse("x".into()),
        ] {
            assert!(passing.is_retryable(), "{passing:?}");
        }
    }

    #[test]
    fn only_lost_or_garbled_answers_may_have_applied_a_create() {
        assert!(ApiError::Timeout { seconds: 20 }.may_have_applied());
        assert!(ApiError::Server {
            status: 500,
            message: "x".into()
        }
        .may_have_applied());
        assert!(!ApiError::TooManyRequests { retry_after: None }.may_have_applied());
        assert!(!ApiError::Forbidden("x".into()).may_have_applied());
    }

    #[test]
    fn too_many_requests_says_when_to_retry() {
        let message = ApiError::TooManyRequests {
            retry_after: Some(7),
        }
        .message();
        assert!(message.contains("in 7 seconds"), "{message}");
    }
}
