/* am-json-private.h: a small, strict, fast JSON reader for the loader
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AM_JSON_NULL,
  AM_JSON_BOOLEAN,
  AM_JSON_INTEGER,
  AM_JSON_NUMBER,
  AM_JSON_STRING,
  AM_JSON_ARRAY,
  AM_JSON_OBJECT,
} AmJsonType;

typedef struct _AmJsonValue  AmJsonValue;
typedef struct _AmJsonMember AmJsonMember;
typedef struct _AmJsonTree   AmJsonTree;

/* @n is the length of a string in bytes, or the number of items or members. */
struct _AmJsonValue
{
  AmJsonType type;
  guint      n;
  union
  {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;
    AmJsonValue  *items;
    AmJsonMember *members;
  } v;
};

struct _AmJsonMember
{
  const char  *key;
  AmJsonValue  value;
};

/* Parses RFC 8259 JSON from valid UTF-8. Strings are unescaped and
 * nul-terminated; a string holding U+0000 or a lone surrogate, nesting
 * deeper than @max_depth, or any syntax error is refused with
 * AM_DOCUMENT_ERROR_INVALID_JSON (or _TOO_LARGE for depth) and a line and
 * column.
 */
AmJsonTree        *am_json_parse          (const char        *data,
                                           gsize              length,
                                           guint              max_depth,
                                           GError           **error);
const AmJsonValue *am_json_tree_get_root  (AmJsonTree        *tree);
void               am_json_tree_free      (AmJsonTree        *tree);
const AmJsonValue *am_json_object_get     (const AmJsonValue *object,
                                           const char        *key);
/* The first byte from @p on that a JSON string cannot hold as it is (a
 * quote, a backslash or a control character), or @end: the reader and the
 * exporters' writer both spend most of their time looking for it.
 */
const char        *am_json_skip_plain     (const char        *p,
                                           const char        *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmJsonTree, am_json_tree_free)

G_END_DECLS
