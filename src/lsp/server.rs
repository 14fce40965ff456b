//! The server's loop: the handshake, the open files, and each message answered in turn.
//! Edits that arrive together are applied together and checked once: a file of 10,000
//! nodes is checked after the last keystroke of a burst, not after each.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, HoverParams, HoverProviderCapability, InitializeParams, OneOf,
    PrepareRenameResponse, PublishDiagnosticsParams, ReferenceParams, RenameOptions, RenameParams,
    ServerCapabilities, ServerInfo, TextDocumentPositionParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::check::{Cache, Checked, check, to_lsp};
use super::document::Document;
use super::positions::Encoding;
use super::{actions, completion, navigation, uri};
use crate::lang::Lang;

/// What the command resolved before the server starts.
pub struct Settings {
    /// The interface language: messages, hover and fixes are worded in it.
    pub lang: Lang,
    /// The user's own folders (`--scenarios`, the data folder's), as `check` uses them.
    pub folders: Vec<PathBuf>,
    pub cache: Cache,
}

/// Serves one client on standard input and output until it says `exit`. An error is a
/// broken connection, in the words of the library that saw it.
pub fn serve(settings: Settings) -> Result<(), String> {
    let (connection, threads) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "kohtaa".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        settings,
        encoding,
        docs: HashMap::new(),
        checked: HashMap::new(),
        dirty: BTreeSet::new(),
    };
    server.run()?;
    drop(server);
    threads.join().map_err(|e| e.to_string())
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        ..ServerCapabilities::default()
    }
}

struct Server {
    connection: Connection,
    settings: Settings,
    encoding: Encoding,
    /// Open files by URI.
    docs: HashMap<String, Document>,
    /// Each open file's last check.
    checked: HashMap<String, Checked>,
    /// Files changed since their last check.
    dirty: BTreeSet<String>,
}

impl Server {
    fn run(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    // A request is answered about the text as it is now, checked.
                    self.check_dirty();
                    let response = self.answer(request);
                    self.send(response.into());
                }
                Message::Notification(notification) => self.notice(notification),
                Message::Response(_) => {}
            }
            if self.connection.receiver.is_empty() {
                self.check_dirty();
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The client is gone when this fails; the loop ends when its input does.
        let _ = self.connection.sender.send(message);
    }

    fn notice(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(p) = params::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                let doc = p.text_document;
                let path =
                    uri::to_path(&doc.uri).unwrap_or_else(|| PathBuf::from(doc.uri.as_str()));
                let key = doc.uri.as_str().to_owned();
                let document = Document::new(doc.uri, path, doc.version, doc.text, self.encoding);
                self.docs.insert(key.clone(), document);
                self.dirty.insert(key);
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = params::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_owned();
                if let Some(doc) = self.docs.get_mut(&key) {
                    doc.change(p.text_document.version, p.content_changes);
                    self.dirty.insert(key);
                }
            }
            DidSaveTextDocument::METHOD => {
                // A saved model or scenario changes what the other open files are checked
                // against.
                self.dirty.extend(self.docs.keys().cloned());
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = params::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_owned();
                self.docs.remove(&key);
                self.checked.remove(&key);
                self.dirty.remove(&key);
                self.publish(p.text_document.uri, Vec::new(), None);
            }
            _ => {}
        }
    }

    /// Checks each file changed since its last check and sends its problems.
    fn check_dirty(&mut self) {
        for key in std::mem::take(&mut self.dirty) {
            let Some(doc) = self.docs.get(&key) else {
                continue;
            };
            let checked = check(doc, &self.settings.folders);
            let diagnostics = checked
                .diagnostics
                .iter()
                .map(|d| to_lsp(d, doc, self.settings.lang, &self.settings.cache))
                .collect();
            let (uri, version) = (doc.uri.clone(), doc.version);
            if let Some(old) = self.checked.insert(key, checked) {
                // Freeing a large library piece by piece takes a good part of a check; the
                // diagnostics need not wait for it.
                std::thread::spawn(move || drop(old));
            }
            self.publish(uri, diagnostics, Some(version));
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
    }

    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let lang = self.settings.lang;
        let enc = self.encoding;
        let cache = &self.settings.cache;
        let result: Result<serde_json::Value, (ErrorCode, String)> = match request.method.as_str() {
            GotoDefinition::METHOD => {
                self.at::<GotoDefinitionParams, _>(request, |doc, checked, p| {
                    let p = p.text_document_position_params.position;
                    navigation::definition(doc, checked, cache, p, enc)
                        .map(GotoDefinitionResponse::Scalar)
                })
            }
            References::METHOD => self.at::<ReferenceParams, _>(request, |doc, _, p| {
                let include = p.context.include_declaration;
                Some(navigation::references(
                    doc,
                    p.text_document_position.position,
                    include,
                ))
            }),
            HoverRequest::METHOD => self.at::<HoverParams, _>(request, |doc, checked, p| {
                let p = p.text_document_position_params.position;
                navigation::hover(doc, checked, p, lang)
            }),
            Completion::METHOD => self.at::<CompletionParams, _>(request, |doc, checked, p| {
                let p = p.text_document_position.position;
                Some(completion::complete(doc, checked, p, lang))
            }),
            DocumentSymbolRequest::METHOD => self
                .at::<DocumentSymbolParams, _>(request, |doc, _, _| {
                    Some(DocumentSymbolResponse::Nested(navigation::outline(doc)))
                }),
            CodeActionRequest::METHOD => self
                .at::<CodeActionParams, _>(request, |doc, checked, p| {
                    Some(actions::quick_fixes(doc, checked?, p.range, lang, cache))
                }),
            PrepareRenameRequest::METHOD => {
                self.at::<TextDocumentPositionParams, _>(request, |doc, _, p| {
                    let at = navigation::renamable(doc, p.position)?;
                    Some(PrepareRenameResponse::Range(doc.range(at.span.clone())))
                })
            }
            Rename::METHOD => match params::<RenameParams>(request.params) {
                Some(p) => {
                    let key = p.text_document_position.text_document.uri.as_str();
                    match self.docs.get(key) {
                        Some(doc) => navigation::rename(
                            doc,
                            p.text_document_position.position,
                            &p.new_name,
                            lang,
                        )
                        .map(|edit| serde_json::to_value(edit).unwrap_or_default())
                        .map_err(|message| (ErrorCode::RequestFailed, message)),
                        None => Ok(serde_json::Value::Null),
                    }
                }
                None => Err((ErrorCode::InvalidParams, request.method.clone())),
            },
            _ => Err((ErrorCode::MethodNotFound, request.method.clone())),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// Answers a request about one open file with `f`; `null` when the file is not open or
    /// `f` has nothing to say.
    fn at<P, R>(
        &self,
        request: Request,
        f: impl FnOnce(&Document, Option<&Checked>, P) -> Option<R>,
    ) -> Result<serde_json::Value, (ErrorCode, String)>
    where
        P: DeserializeOwned + HasDocument,
        R: Serialize,
    {
        let Some(p) = params::<P>(request.params) else {
            return Err((ErrorCode::InvalidParams, request.method));
        };
        let key = p.document().as_str().to_owned();
        let Some(doc) = self.docs.get(&key) else {
            return Ok(serde_json::Value::Null);
        };
        let found = f(doc, self.checked.get(&key), p);
        Ok(serde_json::to_value(found).unwrap_or_default())
    }
}

fn params<P: DeserializeOwned>(value: serde_json::Value) -> Option<P> {
    serde_json::from_value(value).ok()
}

/// Requests about one document.
trait HasDocument {
    fn document(&self) -> &Uri;
}

macro_rules! has_document {
    ($($t:ty => |$p:ident| $e:expr;)*) => {
        $(impl HasDocument for $t {
            fn document(&self) -> &Uri {
                let $p = self;
                $e
            }
        })*
    };
}

has_document! {
    GotoDefinitionParams => |p| &p.text_document_position_params.text_document.uri;
    ReferenceParams => |p| &p.text_document_position.text_document.uri;
    HoverParams => |p| &p.text_document_position_params.text_document.uri;
    CompletionParams => |p| &p.text_document_position.text_document.uri;
    DocumentSymbolParams => |p| &p.text_document.uri;
    CodeActionParams => |p| &p.text_document.uri;
    TextDocumentPositionParams => |p| &p.text_document.uri;
}
