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
    /// 5xx or any status the API does not document.
    Server { status: u16, message: String },
    /// The answer's body was not what the API documents (garbage, wrong shape).
    UnexpectedResponse(String),
}

impl ApiError {
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
            ApiError::Server { status, message } => {
                format!("The server failed (HTTP {status}): {message}")
            }
            ApiError::UnexpectedResponse(detail) => {
                format!("The server sent an unexpected answer: {detail}")
            }
        }
    }

    /// Whether sending the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network(_) | ApiError::Timeout { .. } | ApiError::Server { .. }
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}
