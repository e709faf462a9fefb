//! Ids that cross the wire: newtypes over `Uuid`, written with one macro by every feature.

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub ::uuid::Uuid);

        impl $name {
            /// Reads an id from a path segment.
            ///
            /// # Errors
            /// `NotFound` when it is not an id.
            pub fn parse(value: &str) -> Result<Self, $crate::error::AppError> {
                ::uuid::Uuid::parse_str(value.trim()).map(Self).map_err(|_| $crate::error::AppError::NotFound)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

pub(crate) use id_type;
