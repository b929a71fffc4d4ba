/*
 * The scalestudy study language.
 *
 *   study "Title" {
 *     description "One paragraph, in **Markdown**."
 *     narrative "study-notes.md"                      # a longer Markdown text beside the study
 *     data ladder = csv("data/ladder.csv") {
 *       let C = 6 * params * tokens
 *       where tokens > 0
 *       let loss = score of (benchmark == "dclm" and metric_type == "loss") by run   # from the run's other row
 *     }
 *     law direct = direct_power(x: C, y: value, baseline: baseline)
 *     law mine = loss ~ E + A / params^alpha {
 *       param E in [0, 10] start 1, 2
 *       param alpha in [0, 3] start 0 to 2 by 0.5
 *       residuals: log
 *       loss: huber(1e-3)
 *     }
 *     fit direct to ladder by metric
 *         where metric != "val_loss" and metric in ("arc_easy", "piqa")
 *         window params <= 4e8
 *         holdout params > 4e8
 *         bootstrap 200 seed 1
 *         predict 1e21, 1e22
 *         compare dataset at params == 1.4e9      # which dataset wins at scale (a 'by' column)
 *         share alpha across dataset             # one exponent for the datasets, each its own A
 *         min runs 3                             # skip (with one warning) groups with fewer runs in the window
 *         drop missing                           # leave out rows whose law inputs read a missing value
 *         note "Why this window: see *Table 2*."   # Markdown on the fit's pages
 *     table chance = { arc_easy: 0.25, piqa: 0.5 }    # used as chance[metric]
 *     table chosen = { arc_easy: "acc_norm", piqa: "acc" }   # metric_type == chosen[benchmark]
 *     report { chart scaling, residuals  table parameters, errors  note "Markdown above the fits" }
 *   }
 *
 * A double-quoted string is text on the right of a comparison, as an option of 'in' and as a table's
 * key; anywhere else it names a column: by "Model Family", where "FLOPs (1E21)" > 0,
 * let flops = "FLOPs (1E21)" * 1e21, y: "ARC-C". See org.scalestudy.lang.QuotedColumns and
 * docs/columns-and-missing-values.md.
 *
 * Comments run from '#' to the end of the line.
 */
grammar Study;

study
    : STUDY title=STRING LBRACE item* RBRACE EOF
    ;

item
    : DESCRIPTION text=STRING                                              # descriptionItem
    | NARRATIVE path=STRING                                                # narrativeItem
    | DATA name=ID ASSIGN reader=ID LPAREN path=STRING (COMMA argList)? RPAREN dataBody?  # dataItem
    | LAW name=ID ASSIGN kind=ID LPAREN argList? RPAREN                    # lawItem
    | LAW name=ID ASSIGN observed=expr TILDE formula=expr lawBody?         # customLawItem
    | FIT laws+=ID (COMMA laws+=ID)* TO data=ID
          (BY groups+=(ID | STRING) (COMMA groups+=(ID | STRING))*)? fitClause*   # fitItem
    | REPORT LBRACE reportEntry* RBRACE                                    # reportItem
    | TABLE name=ID ASSIGN LBRACE (tableEntry (COMMA tableEntry)* COMMA?)? RBRACE   # tableItem
    ;

tableEntry
    : key=(ID | STRING) COLON (sign=MINUS? value=NUMBER | text=STRING)
    ;

dataBody
    : LBRACE dataStep* RBRACE
    ;

dataStep
    : LET name=ID ASSIGN value=expr OF cond=expr BY keys+=(ID | STRING) (COMMA keys+=(ID | STRING))*   # joinStep
    | LET name=ID ASSIGN expr                                              # letStep
    | WHERE expr                                                           # whereStep
    ;

lawBody
    : LBRACE lawSetting* RBRACE
    ;

lawSetting
    : PARAM name=ID (IN LBRACK lo=expr COMMA hi=expr RBRACK)? (START startValues)?   # paramSetting
    | key=ID COLON expr                                                            # optionSetting
    ;

startValues
    : from=expr TO to=expr BY step=expr                                            # startRange
    | expr (COMMA expr)*                                                           # startList
    ;

argList
    : arg (COMMA arg)*
    ;

arg
    : (name=ID COLON)? expr
    ;

fitClause
    : kind=(WHERE | WINDOW | HOLDOUT) expr                                 # conditionClause
    | BOOTSTRAP count=NUMBER (SEED seed=NUMBER)?                           # bootstrapClause
    | PREDICT at+=expr (COMMA at+=expr)*                                   # predictClause
    | COMPARE column=(ID | STRING) AT at+=expr (COMMA at+=expr)* (PREFER direction=ID)?  # compareClause
    | NOTE text=STRING                                                     # noteClause
    // 'share' and 'across' are words of this clause only, not keywords: a law or column may still be named so
    | {_input.LT(1).getText().equals("share")}? share=ID params+=ID (COMMA params+=ID)* across=ID column=(ID | STRING)  # shareClause
    // 'min runs N' and 'drop missing' likewise: words of their clause only
    | {_input.LT(1).getText().equals("min")}? min=ID runs=ID count=NUMBER    # minRunsClause
    | {_input.LT(1).getText().equals("drop")}? drop=ID what=ID              # dropClause
    ;

reportEntry
    : kind=(CHART | TABLE) names+=ID (COMMA names+=ID)* SEMI?              # showEntry
    | NOTE text=STRING SEMI?                                               # noteEntry
    ;

expr
    : fn=ID LPAREN (expr (COMMA expr)*)? RPAREN                            # callExpr
    | table=ID LBRACK expr RBRACK                                          # lookupExpr
    | LPAREN expr RPAREN                                                   # parenExpr
    | <assoc=right> expr op=CARET expr                                     # binaryExpr
    | op=MINUS expr                                                        # unaryExpr
    | expr op=(STAR | SLASH) expr                                          # binaryExpr
    | expr op=(PLUS | MINUS) expr                                          # binaryExpr
    | expr op=(LT | LE | GT | GE | EQ | NE) expr                           # binaryExpr
    | expr negated=NOT? IN LPAREN expr (COMMA expr)* RPAREN                # inExpr
    | op=NOT expr                                                          # unaryExpr
    | expr op=AND expr                                                     # binaryExpr
    | expr op=OR expr                                                      # binaryExpr
    | NUMBER                                                               # numberExpr
    | STRING                                                               # stringExpr
    | ID                                                                   # columnExpr
    ;

STUDY       : 'study' ;
DESCRIPTION : 'description' ;
NARRATIVE   : 'narrative' ;
NOTE        : 'note' ;
DATA        : 'data' ;
LET         : 'let' ;
WHERE       : 'where' ;
LAW         : 'law' ;
FIT         : 'fit' ;
TO          : 'to' ;
BY          : 'by' ;
WINDOW      : 'window' ;
HOLDOUT     : 'holdout' ;
REPORT      : 'report' ;
CHART       : 'chart' ;
TABLE       : 'table' ;
AND         : 'and' ;
OR          : 'or' ;
NOT         : 'not' ;
PARAM       : 'param' ;
IN          : 'in' ;
START       : 'start' ;
BOOTSTRAP   : 'bootstrap' ;
SEED        : 'seed' ;
PREDICT     : 'predict' ;
OF          : 'of' ;
COMPARE     : 'compare' ;
AT          : 'at' ;
PREFER      : 'prefer' ;

LBRACE : '{' ;
RBRACE : '}' ;
LPAREN : '(' ;
LBRACK : '[' ;
RBRACK : ']' ;
TILDE  : '~' ;
RPAREN : ')' ;
COMMA  : ',' ;
COLON  : ':' ;
SEMI   : ';' ;
ASSIGN : '=' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;
CARET  : '^' ;
LE     : '<=' ;
GE     : '>=' ;
LT     : '<' ;
GT     : '>' ;
EQ     : '==' ;
NE     : '!=' ;

NUMBER : DIGITS ('.' DIGITS?)? EXPONENT? | '.' DIGITS EXPONENT? ;
fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

ID     : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING : '"' (~["\\\r\n] | '\\' ["\\nt])* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;
BAD_CHAR : . ;
