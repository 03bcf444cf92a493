/* am-error.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_DOCUMENT_ERROR (am_document_error_quark ())

/**
 * AmDocumentError:
 * @AM_DOCUMENT_ERROR_INVALID_JSON: the file is not JSON (or is truncated)
 * @AM_DOCUMENT_ERROR_NOT_ARGUMARK: JSON, but not an Argumark document
 * @AM_DOCUMENT_ERROR_UNSUPPORTED_VERSION: a format version this build cannot read
 * @AM_DOCUMENT_ERROR_MISSING_FIELD: a required member is absent
 * @AM_DOCUMENT_ERROR_WRONG_TYPE: a member has the wrong JSON type
 * @AM_DOCUMENT_ERROR_INVALID_VALUE: a member has a value outside what it may hold
 * @AM_DOCUMENT_ERROR_INVALID_SPAN: a span is empty, reversed or outside the text
 * @AM_DOCUMENT_ERROR_UNKNOWN_LABEL: a label the schema does not define
 * @AM_DOCUMENT_ERROR_UNKNOWN_RELATION: a relation the schema does not define
 * @AM_DOCUMENT_ERROR_DUPLICATE_ID: two items share an id
 * @AM_DOCUMENT_ERROR_DUPLICATE_SPAN: the same span already has that label
 * @AM_DOCUMENT_ERROR_DANGLING_LINK: a link names an annotation that does not exist
 * @AM_DOCUMENT_ERROR_FORBIDDEN_LINK: the relation does not allow these labels
 * @AM_DOCUMENT_ERROR_NOT_FOUND: no annotation or link with that id
 * @AM_DOCUMENT_ERROR_TOO_LARGE: the input exceeds a size or nesting limit
 * @AM_DOCUMENT_ERROR_INVALID_ENCODING: the bytes are not valid text in a known encoding
 * @AM_DOCUMENT_ERROR_BINARY: the file holds binary data
 * @AM_DOCUMENT_ERROR_EMPTY: the file or text is empty
 * @AM_DOCUMENT_ERROR_TEXT_MISMATCH: documents are about different articles
 * @AM_DOCUMENT_ERROR_LABEL_IN_USE: the schema change would orphan annotations or links
 * @AM_DOCUMENT_ERROR_DUPLICATE_LINK: the same link already exists
 * @AM_DOCUMENT_ERROR_IO: the file could not be read or written
 *
 * Error codes in the %AM_DOCUMENT_ERROR domain.
 */
typedef enum
{
  AM_DOCUMENT_ERROR_INVALID_JSON,
  AM_DOCUMENT_ERROR_NOT_ARGUMARK,
  AM_DOCUMENT_ERROR_UNSUPPORTED_VERSION,
  AM_DOCUMENT_ERROR_MISSING_FIELD,
  AM_DOCUMENT_ERROR_WRONG_TYPE,
  AM_DOCUMENT_ERROR_INVALID_VALUE,
  AM_DOCUMENT_ERROR_INVALID_SPAN,
  AM_DOCUMENT_ERROR_UNKNOWN_LABEL,
  AM_DOCUMENT_ERROR_UNKNOWN_RELATION,
  AM_DOCUMENT_ERROR_DUPLICATE_ID,
  AM_DOCUMENT_ERROR_DUPLICATE_SPAN,
  AM_DOCUMENT_ERROR_DANGLING_LINK,
  AM_DOCUMENT_ERROR_FORBIDDEN_LINK,
  AM_DOCUMENT_ERROR_NOT_FOUND,
  AM_DOCUMENT_ERROR_TOO_LARGE,
  AM_DOCUMENT_ERROR_INVALID_ENCODING,
  AM_DOCUMENT_ERROR_BINARY,
  AM_DOCUMENT_ERROR_EMPTY,
  AM_DOCUMENT_ERROR_TEXT_MISMATCH,
  AM_DOCUMENT_ERROR_LABEL_IN_USE,
  AM_DOCUMENT_ERROR_DUPLICATE_LINK,
  AM_DOCUMENT_ERROR_IO,
} AmDocumentError;

GQuark am_document_error_quark (void);

G_END_DECLS
