package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class Pshd7ocp {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(1)));
switch (Color.of((int) (((int) await(L.i((7 & 1))))))) {
case RED: {
synchronized (Pshd7ocp.LOCK) {
synchronized (L.lock(4)) {
long v0 = (long) (int) ((int) (double) (4.5));
double v1 = 8.5;
long v2 = (-1 * 1000L);
}
String v3 = "s1";
int v4 = ('j' + (short) 3);
}
}
break;
case BLUE: {
{ int i6 = 0; L5: while (i6++ < 3) {
byte v7 = (byte) (int) ((-2 + i6));
char v8 = 'j';
}
}
}
default: {
{
Object v9 = ((Object) await(L.o("o0")));
}
if (false) {
await(L.v());
Fn fn10 = (int x11) -> {
double v12 = ((double) await(L.d((6L / 4.0))));
char v13 = 'd';
return Future.ready(new Box(5L, "s2", x11).sum());
};
}
else {
T.t((short) 3);
}
}
}
byte v14 = ((byte) await(L.b((byte) 5)));
if ((((boolean) await(L.z(true))) ? "s1".isEmpty() : ((boolean) await(L.z(false))))) {
try {
Box v15 = (true ? new Box(1L, "s3", 1) : new Box(-1));
synchronized (L.lock((int) await(L.i((1 << (7 & 7)))))) {
double v16 = 8.5;
if (false) return Future.ready(((v16 < -3.25f) ? new int[] {-2, 2}.length : new int[] {9, 2}.length));
T.t((true ? T.show(new int[] {8, 2}) : "s3".toUpperCase()));
}
String v17 = ((String) await(L.str((false ? "s3" : "s0"))));
}
catch (FuzzException ex18) {
T.t("sync caught " + ex18.getMessage());
await(L.v());
{
int[] v19 = new int[] {-2, 2};
}
}
try {
T.t((byte) (int) (7));
char v20 = ((char) await(L.c('i')));
}
catch (FuzzException ex21) {
T.t("caught " + ex21.getMessage());
{
Fn fn22 = (int x23) -> {
Object v24 = "o0";
return Future.ready(((int) await(L.i((x23 % (0 | 1))))));
};
}
}
finally {
try {
int[] v25 = new int[] {5, 2};
synchronized (Pshd7ocp.LOCK) {
try {
Box v26 = new Box(6L, "s0", 4);
synchronized (L.lock(9)) {
T.t(3);
}
Box v27 = new Box(('e' + (short) 4));
}
finally {
{
T.t(((8 ^ -2) * 1000L));
String v28 = (switch (("k" + "o1" + "c0")) { case "s1", "s2" -> "s3".concat("s3"); case "s3" -> { T.t(Integer.compare(8, 4)); yield java.util.Objects.requireNonNull("s3".concat("s3")); } default -> new Box(-3).toString(); });
}
}
T.t("s2");
T.t('j');
}
try {
Object v29 = (false ? L.vs(0L, "c1") : new Box(2L, "s1", 3));
synchronized (L.lock((int) await(L.i(Integer.compare(1, 1))))) {
L30: for (int i31 = 0; i31 < 3; i31++) {
synchronized (L.lock("s3".length())) {
if ((4L == 5L)) throw new FuzzException("t" + i31);
String v32 = T.show(v25).concat("s0");
int[] v33 = new int[] {-3, 2};
if (false) break L30;
long v34 = (long) (int) (Math.max(((int) i31), ((int) i31)));
}
try {
short v35 = (short) 1;
synchronized (Pshd7ocp.class) {
v29 = v29;
T.t('x');
double v36 = (true ? 7.5 : -2.5);
}
synchronized (Pshd7ocp.LOCK) {
String v37 = ((4.5 < 8.25f) ? "s3" : (false ? "s0" : "s1"));
Box v38 = (true ? (true ? new Box(1L, v37, 1) : new Box(i31)) : new Box(6).with(new Box(2)));
}
}
catch (RuntimeException ex39) {
T.t("sync caught " + ex39.getMessage());
{
L40: for (int i41 = 0; i41 < 3; i41++) {
synchronized (Pshd7ocp.LOCK) {
byte v42 = (byte) (int) (i41);
if ((v25[Math.floorMod(((int) 3), v25.length)] < (int) (double) (4.5))) throw new FuzzException("t" + ((switch (Math.floorMod(((int) 5), 4)) { case 0 -> 2; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(i31); } default -> i31; }) & L.va(i31, i31, i41)));
if ((i31 != i41)) continue L40;
if (false) return L.i(-1);
}
T.t(T.show(new int[] {i31, i31, 6}));
}
}
}
finally {
{
try {
Box v43 = new Box(-2);
synchronized (Pshd7ocp.class) {
T.t(v43.toString());
}
T.t((true ? new Box(7L, "s1", 1) : new Box(i31)));
}
catch (FuzzException ex44) {
T.t("sync caught " + ex44.getMessage());
{
try {
short v45 = (short) 7;
synchronized (L.lock(('h' + v45))) {
T.t(("k" + i31 + 'e'));
if (((7.5 - 6.5) < (float) (short) (v45))) continue L30;
}
synchronized (Pshd7ocp.LOCK) {
int v46 = (int) (double) (3.5);
}
}
catch (RuntimeException ex47) {
T.t("sync caught " + ex47.getMessage());
{
if (!"s0".isEmpty()) continue;
char v48 = (char) ('a' + Math.floorMod(((int) 9), 26));
}
}
finally {
{
synchronized (Pshd7ocp.LOCK) {
String v49 = ("k" + -2.25f + "c2");
}
}
}
short v50 = (false ? (short) (i31 + v14) : (short) (i31 + (byte) 8));
}
}
finally {
{
Box v51 = (false ? new Box(-3L, "s0", 1) : new Box(i31));
long v52 = 1L;
}
}
T.t(("s2".isEmpty() ? new Box(3).toString() : new Box(-3)));
}
}
}
T.t((short) (-2 + v14));
L53: for (int i54 = 0; i54 < 2; i54++) {
synchronized (Pshd7ocp.LOCK) {
T.t("s1");
double v55 = (4L / 4.0);
String v56 = (switch ("s0") { case "s1", "s2" -> "s2"; case "s3" -> { T.t(i54); yield java.util.Objects.requireNonNull("s2"); } default -> "s1"; }).concat(("k" + v14 + (short) -3));
if ((true & false)) break;
if (("s1".isEmpty() ? true : "s1".isEmpty())) break;
}
synchronized (Pshd7ocp.LOCK) {
Box v57 = new Box(9).with(new Box(i54));
v29 = (Object) ((boolean) (3.5 < 1.25f));
Box v58 = (true ? new Box(-1L, "s2", 1) : new Box(i54));
}
}
}
v14 = (true ? v14 : (byte) 0);
}
catch (Exception ex59) {
T.t("sync caught " + ex59.getMessage());
await(L.i(0));
{
T.t(Integer.compare(L.va(-1, -2, -2), L.va(1, -1, 9)));
synchronized (L.lock((int) await(L.i((1 - 7))))) {
T.t(2);
synchronized (Pshd7ocp.LOCK) {
T.t((double) (int) ((int) (long) (8L)));
}
}
}
}
}
catch (Exception ex60) {
T.t("sync caught " + ex60.getMessage());
await(L.i(0));
{
synchronized (Pshd7ocp.LOCK) {
byte v61 = v14;
}
}
}
finally {
await(L.v());
{
L62: for (int i63 = 0; i63 < 2; i63++) {
synchronized (Pshd7ocp.LOCK) {
float v64 = (false ? 3.25f : 6.25f);
try {
T.t((!false ? (i63 * 1000L) : 7L));
synchronized (Pshd7ocp.class) {
int v65 = (9 % (i63 | 1));
char v66 = 'f';
}
Box v67 = (false ? new Box(4) : new Box(9));
}
catch (Exception ex68) {
T.t("sync caught " + ex68.getMessage());
{
String v69 = "s2".toUpperCase();
}
}
finally {
{
long v70 = (long) (int) ((false ? i63 : i63));
String v71 = String.valueOf(((long) v70));
}
}
if ((i63 != i63)) continue;
synchronized (Pshd7ocp.class) {
CharSequence v72 = "s3";
}
}
await(L.v());
short v73 = (short) 1;
}
}
}
}
}
else {
try {
T.t(((String) await(L.str((switch ("s0") { case "s1", "s2" -> "s1"; case "s3" -> { T.t(5); yield java.util.Objects.requireNonNull("s1"); } default -> "s1"; })))));
synchronized (Pshd7ocp.LOCK) {
boolean v74 = (!false ? (2L == 0L) : !true);
float v75 = 1.25f;
int v76 = new int[] {7, 2}.length;
}
short v77 = (short) ((int) (long) (6L) + (byte) (int) (4));
}
catch (Exception ex78) {
T.t("sync caught " + ex78.getMessage());
await(L.i(0));
{
float v79 = 4.25f;
}
}
}
switch (Math.floorMod((int) (((int) await(L.i(0)))), 4)) {
case 0: {
try {
synchronized (L.lock((int) await(L.i((int) (double) (4.5))))) {
double v80 = (double) (int) ((-2 - 8));
Object v81 = ("s3".isEmpty() ? ("k" + "o0" + v80) : (Integer) ((int) Math.max(((int) -2), ((int) -3))));
}
}
catch (FuzzException ex82) {
T.t("caught " + ex82.getMessage());
{
await(L.v());
T.t("s3");
}
}
catch (RuntimeException ex83) {
T.t("caught " + ex83.getMessage());
{
Fn fn84 = x85 -> new Pshd7ocp().m3(d - 1, ((char) await(L.c('a'))));
int v86 = 7;
}
if (!false) throw ex83;
}
finally {
synchronized (L.lock((int) await(L.i(7)))) {
try {
byte v87 = v14;
synchronized (Pshd7ocp.LOCK) {
long v88 = (long) (int) (new int[] {7, 2}.length);
CharSequence v89 = (true ? "s3" : new StringBuilder("s1"));
}
try {
synchronized (Pshd7ocp.LOCK) {
byte v90 = (byte) (int) (0);
double v91 = (false ? 5.5 : 5.5);
int v92 = "s3".length();
}
synchronized (Pshd7ocp.class) {
double v93 = ((1L ^ 1L) / 4.0);
}
try {
Object v94 = (false ? "s1" : (Integer) ((int) 0));
synchronized (Pshd7ocp.LOCK) {
T.t(new StringBuilder(("k" + -2L + v87)).append(((CharSequence) (false ? "s1" : new StringBuilder("s1")))).append(((String) "s2".concat("s1"))).toString());
CharSequence v95 = (true ? "c0" : "c0");
byte v96 = (byte) -2;
}
CharSequence v97 = new StringBuilder("c1");
}
finally {
{
T.t("s0");
}
}
}
catch (FuzzException ex98) {
T.t("sync caught " + ex98.getMessage());
{
synchronized (Pshd7ocp.LOCK) {
T.t("s1".isEmpty());
boolean v99 = (false && false);
short v100 = (short) (new int[] {9, 2}.length + v14);
}
T.t(new StringBuilder((switch ("s1") { case "s1", "s2" -> "s3"; case "s3" -> { T.t(2); yield java.util.Objects.requireNonNull("s2"); } default -> "s2"; })).append(((byte) (byte) (int) (6))).append(((short) (short) (2 + v14))).toString());
}
}
finally {
{
synchronized (L.lock(new Box(2).sum())) {
float v101 = 5.25f;
byte v102 = (byte) (int) (4);
short v103 = (short) 8;
}
long v104 = (true ? (7 * 1000L) : (0 * 1000L));
}
}
}
catch (RuntimeException ex105) {
T.t("sync caught " + ex105.getMessage());
{
char v106 = (char) ('a' + Math.floorMod(((int) Integer.compare(2, 2)), 26));
}
}
finally {
{
synchronized (Pshd7ocp.class) {
T.t((switch ("s1") { case "s1", "s2" -> "s2"; case "s3" -> { T.t(6); yield java.util.Objects.requireNonNull("s3"); } default -> "s1"; }));
if (true) throw new FuzzException("t" + Integer.compare(new Box(-2).sum(), ('a' + (short) 1)));
T.t(((7.25f * 9.25f) + (float) (short) ((short) -2)));
}
T.t(L.vs((true ? "s0" : new StringBuilder("s1")), "s1".toUpperCase()));
}
}
L107: for (int i108 = 0; i108 < 1; i108++) {
synchronized (Pshd7ocp.LOCK) {
long v109 = (i108 * 1000L);
if (!false) continue;
boolean v110 = ((v109 == 2L) ? (v109 == 3L) : false);
}
L111: for (int i112 = 0; i112 < 1; i112++) {
synchronized (L.lock(L.va(-2, i108, i108))) {
byte v113 = (false ? (byte) (int) (9) : (byte) (int) (4));
if ((false ^ true)) continue L107;
double v114 = ((double) (int) (i112) + (true ? -2.5 : -1.5));
}
try {
short v115 = (short) (Math.max(((int) i108), ((int) i112)) + (byte) (int) (i108));
synchronized (L.lock((false ? -1 : i112))) {
long v116 = (7 * 1000L);
}
long v117 = (new Box(1).sum() * 1000L);
}
catch (FuzzException ex118) {
T.t("sync caught " + ex118.getMessage());
{
T.t((false ? v14 : v14));
}
}
}
}
try {
Object v119 = (Object) ((double) 4.5);
synchronized (Pshd7ocp.class) {
long v120 = (-3L + 4L);
int[] v121 = ((false ^ false) ? new int[] {9, 2}.clone() : new int[] {8, 2}.clone());
String v122 = "s3";
}
float v123 = (9.25f - 4.25f);
}
catch (FuzzException ex124) {
T.t("sync caught " + ex124.getMessage());
{
String v125 = (true ? "s2" : "s1");
byte v126 = (byte) (int) (4);
}
}
finally {
{
CharSequence v127 = new StringBuilder("c1");
synchronized (Pshd7ocp.LOCK) {
CharSequence v128 = (true ? String.valueOf(((char) 'e')) : new StringBuilder((switch ("s0") { case "s1", "s2" -> "s0"; case "s3" -> { T.t(-2); yield java.util.Objects.requireNonNull("s1"); } default -> "s0"; })));
short v129 = (short) -3;
String v130 = (switch ("s2") { case "s1", "s2" -> "s1"; case "s3" -> { T.t(9); yield java.util.Objects.requireNonNull("s3"); } default -> "s1"; });
}
}
}
}
float v131 = (float) (short) ((short) 7);
}
}
case 2: {
if (((-3L / 4.0) < (float) (short) ((short) 5))) return Future.ready(7);
{ int i133 = 0; L132: do {
await(L.v());
Fn fn134 = (int x135) -> {
boolean v136 = false;
return Future.ready(((int) await(L.i(((int) await(L.i(x135)))))));
};
}
while (++i133 < 2); }
}
break;
default: {
synchronized (Pshd7ocp.LOCK) {
CharSequence v137 = ("s0".isEmpty() ? (false ? "s1" : "s0") : new StringBuilder(("k" + 0.25f + 'z')));
byte v138 = v14;
}
}
}
return L.i(((int) await(m0(d - 1))));
}

private static Future<Integer> m1(int d, String p139, long p140) throws Exception {
if (d <= 0) return Future.ready(await(L.i(0)));
Fn fn141 = x142 -> new Pshd7ocp().m2(d - 1, (byte) (int) (x142));
{
synchronized (Pshd7ocp.LOCK) {
char v143 = 'e';
}
}
try (Res r144 = new Res("r144", new Box(p140, p139, 6).sum())) {
T.t(r144.use(((int) await(L.i(2)))));
{
Object v145 = "o1";
}
}
return Future.ready(("s1".length() % (9 | 1)));
}

Future<Integer> m2(int d, byte p146) throws Exception {
if (d <= 0) return Future.ready(await(L.i(6)));
switch (Math.floorMod((int) ((int) (long) (1L)), 4)) {
case 0: {
L147: for (int i148 = 0; i148 < 0; i148++) {
await(L.v());
}
}
break;
case 2: {
L149: for (String e150 : java.util.List.of("s0", (false ? "s2" : "s1"))) {
await(L.v());
}
String v151 = ((String) await(L.str("s1")));
}
break;
default: {
switch (Math.floorMod((int) ((((boolean) await(L.z(false))) ? (int) (double) (-1.5) : -1)), 4)) {
case 0: {
if (((boolean) await(L.z(false)))) throw new FuzzException("t" + 4);
}
break;
case 2: {
int v152 = ((int) await(e1(d - 1, 'd')));
}
break;
default: {
short v153 = (short) (5 + p146);
}
}
L154: for (int i155 = 0; i155 < 2; i155++) {
Fn fn156 = (int x157) -> {
long v158 = 7L;
float v159 = 6.25f;
return Future.ready(((int) await(L.i((false ? x157 : x157)))));
};
Fn fn160 = (int x161) -> {
double v162 = (((boolean) await(L.z(true))) ? 7.5 : (true ? 7.5 : 7.5));
Object v163 = (Object) ((int) x161);
return Future.ready(((false ? x161 : 3) + L.va(x161, 6, x161)));
};
}
}
}
switch (Color.of((int) (6))) {
case RED: {
L164: for (int i165 = 0; i165 < 3; i165++) {
synchronized (this) {
float v166 = (float) (short) ((short) -1);
short v167 = (short) (-1 + p146);
if ((i165 <= i165)) break;
int v168 = L.va(i165, i165, i165);
}
await(L.v());
Fn fn169 = x170 -> this.m2(d - 1, (byte) -2);
}
}
break;
case BLUE: {
L171: for (int i172 = 0; i172 < 1; i172++) {
synchronized (Pshd7ocp.class) {
long v173 = (long) (int) (i172);
if ((v173 == v173)) continue L171;
if ((Integer.compare(i172, i172) != 5)) break L171;
}
await(L.i(0));
char v174 = ((char) await(L.c('j')));
}
int v175 = (switch (Math.floorMod(((int) (3 | 0)), 4)) { case 0 -> (false ? 7 : -1); case 1, 2 -> { T.t((switch ("s3") { case "s1", "s2" -> "s0"; case "s3" -> { T.t(3); yield java.util.Objects.requireNonNull("s0"); } default -> "s1"; })); yield java.util.Objects.requireNonNull(((int) await(L.cs(8)))); } default -> (1 | 4); });
}
default: {
if ((-3 < 1)) return Future.ready(8);
try {
int v176 = "s2".length();
synchronized (Pshd7ocp.LOCK) {
if ((false ? true : !true)) throw new FuzzException("t" + (int) (long) ((long) (int) (v176)));
}
Fn fn177 = x178 -> m0(d - 1);
}
catch (RuntimeException ex179) {
T.t("sync caught " + ex179.getMessage());
await(L.i(0));
{
Fn fn180 = x181 -> m0(d - 1);
CharSequence v182 = ((CharSequence) await(L.cq("c2")));
}
}
}
}
T.t(3.5);
{
Fn fn183 = x184 -> m1(d - 1, "s3", ((long) await(L.j(5L))));
}
L185: for (int i186 = 0; i186 < 1; i186++) {
synchronized (this) {
L187: for (int i188 = 0; i188 < 2; i188++) {
synchronized (Pshd7ocp.LOCK) {
int[] v189 = new int[Math.floorMod(((int) "s2".length()), 4) + 1];
double v190 = (-1L / 4.0);
String v191 = (switch ("s2") { case "s1", "s2" -> "s0".concat("s3"); case "s3" -> { T.t((switch (Math.floorMod(((int) 0), 4)) { case 0 -> i186; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(-3); } default -> 7; })); yield java.util.Objects.requireNonNull(T.show(v189)); } default -> (true ? "s2" : "s2"); });
if ((v190 < 2.25f)) continue L187;
int[] v192 = v189.clone();
}
CharSequence v193 = ((true ^ true) ? new Box(2).toString() : new StringBuilder(new StringBuilder("s1").append(((int) i188)).append(((byte) p146)).toString()));
}
short v194 = (short) ((switch (Math.floorMod(((int) i186), 4)) { case 0 -> 4; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(-1); } default -> i186; }) + (byte) (int) (i186));
if ((-2L == 1L)) continue L185;
T.t(new Box(3).toString().concat("s2"));
}
await(L.i(0));
if (!false) continue L185;
}
return Future.ready(3);
}

Future<Integer> m3(int d, char p195) throws Exception {
if (d <= 0) return Future.ready(await(L.i(3)));
switch (Color.of((int) ((Math.max(((int) 8), ((int) 1)) / ((-2 * 9) | 1))))) {
case RED: {
synchronized (Pshd7ocp.class) {
boolean v196 = (2.5 < 0.25f);
boolean v197 = v196;
float v198 = ((float) (short) ((short) -2) * (-2.25f - 3.25f));
}
int[] v199 = new int[Math.floorMod(((int) 8), 4) + 1];
}
break;
case BLUE: {
synchronized (L.lock((int) await(L.i(4)))) {
T.t("s2");
}
synchronized (this) {
int v200 = (switch (Math.floorMod(((int) (false ? -2 : 3)), 4)) { case 0 -> 1; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(0); } default -> (5 % (4 | 1)); });
T.t("s1".toUpperCase());
}
}
break;
default: {
T.t((double) (int) (2));
double v201 = ((-3.5 < 5.25f) ? 7.5 : 3.5);
}
}
try {
try {
L202: for (int i203 = 0; i203 < 1; i203++) {
synchronized (Pshd7ocp.class) {
T.t((9L ^ -1L));
T.t((byte) (int) (L.va(i203, i203, i203)));
int[] v204 = (false ? new int[] {3, 2} : new int[] {1, 2});
if ("s1".isEmpty()) continue;
synchronized (this) {
Box v205 = new Box(8).with(new Box(8));
T.t(6.25f);
int[] v206 = new int[] {8, 2};
}
}
await(L.v());
Box v207 = (!true ? new Box((true ? -2L : 5L), ((String) await(L.str("s3"))), 1) : new Box(((int) await(this.m2(d - 1, (byte) 4)))));
}
synchronized (L.lock((int) await(L.i(((int) await(L.i(9))))))) {
T.t(("s3".isEmpty() ? T.show(new int[] {-3, 2}) : new Box(5).with(new Box(-3))));
float v208 = ((float) (short) ((short) 0) + (-2.25f * 1.25f));
}
short v209 = (false ? (short) 6 : (short) 6);
}
catch (Exception ex210) {
T.t("sync caught " + ex210.getMessage());
await(L.i(0));
{
L211: for (int i212 = 0; i212 < 3; i212++) {
synchronized (L.lock((int) await(L.i(new Box(-1).sum())))) {
boolean v213 = true;
if ("s0".isEmpty()) break;
L214: for (int i215 = 0; i215 < 1; i215++) {
synchronized (Pshd7ocp.LOCK) {
long v216 = ((i212 * 1000L) * (-1 * 1000L));
T.t(T.show(new int[] {6, 2}));
if ((true ? v213 : false)) continue;
T.t("s0".toUpperCase());
}
Box v217 = new Box(-3).with(new Box(4));
}
}
await(L.i(0));
Box v218 = new Box(((long) await(L.j(1L))), ((String) await(L.str("s2"))), i212);
}
try {
await(L.v());
synchronized (Pshd7ocp.class) {
short v219 = (true ? (short) -1 : (short) 2);
}
CharSequence v220 = ((CharSequence) await(L.cq(new StringBuilder("c2"))));
}
finally {
await(L.i(0));
{
T.t(((String) await(L.str(((String) await(L.str("s3")))))));
}
}
}
}
finally {
await(L.i(0));
{
float v221 = -1.25f;
}
}
}
catch (Exception ex222) {
T.t("caught " + ex222.getMessage());
{
if (((boolean) await(L.z(((boolean) await(L.z(true))))))) return L.i(((int) await(L.i((int) (long) (8L)))));
synchronized (L.lock((int) await(L.i(8)))) {
if ((false ^ false)) return Future.ready(9);
char v223 = (char) ('a' + Math.floorMod(((int) Math.max(((int) 1), ((int) 9))), 26));
}
}
if (false) throw ex222;
}
return Future.ready(-2);
}

private java.util.concurrent.CompletionStage<Integer> e0(int d, float p224) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(7)));
L225: for (int i226 = 0; i226 < 1; i226++) {
synchronized (Pshd7ocp.LOCK) {
try {
T.t((false ? "s1" : "s3"));
}
catch (FuzzException ex227) {
T.t("caught " + ex227.getMessage());
{
L228: for (int i229 = 0; i229 < 3; i229++) {
synchronized (L.lock(-2)) {
String v230 = new StringBuilder(new StringBuilder("s1").append(((short) (short) 2)).append(((int) i229)).toString()).append(((byte) (byte) (int) (i229))).append(((Box) new Box(8))).toString();
CharSequence v231 = new StringBuilder((true ? v230 : new StringBuilder(v230)));
if (!true) break L228;
T.t((Object) ((String) v230));
}
char v232 = (char) ('a' + Math.floorMod(((int) i226), 26));
}
T.t(2.5);
}
}
finally {
T.t((char) ('a' + Math.floorMod(((int) 8), 26)));
}
if (!true) continue L225;
Box v233 = new Box(i226);
}
await(L.v());
if ((('h' + (short) 5) != ((int) await(L.i(i226))))) {
synchronized (this) {
String v234 = ("k" + (-1L / 4.0) + p224);
if (((true ? false : false) ? !true : (i226 == 7))) throw new FuzzException("t" + (('j' + (short) 1) / ((switch (Math.floorMod(((int) 6), 4)) { case 0 -> -3; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(8); } default -> i226; }) | 1)));
Object v235 = (false ? "c0" : "o2");
}
}
else {
synchronized (L.lock((int) await(L.i(((int) await(L.cs(i226))))))) {
T.t(("k" + "c2" + (0L / 4.0)));
double v236 = (false ? 9.5 : -1.5);
T.t("s2".concat("s1").toUpperCase());
}
synchronized (Pshd7ocp.class) {
T.t((-1L + 9L));
}
}
}
try (Res r237 = new Res("r237", (((boolean) await(L.z(false))) ? (2 / (-1 | 1)) : ((int) await(L.i(6)))))) {
T.t(r237.use(((int) await(this.m2(d - 1, (byte) 8)))));
{
try {
T.t((false ? "s2" : "s3"));
float v238 = ((float) await(L.f(p224)));
}
catch (Exception ex239) {
T.t("caught " + ex239.getMessage());
{
short v240 = (short) (-2 + (byte) 4);
T.t(((Box) await(L.box(new Box(7)))));
}
}
}
}
String v241 = ((String) await(L.str("s0")));
{ int i243 = 0; L242: do {
synchronized (L.lock((int) await(L.i((i243 ^ 6))))) {
byte v244 = (byte) (int) ((0 | i243));
}
switch (Math.floorMod((int) ((((boolean) await(L.z(false))) ? ((int) await(L.i(i243))) : ((int) await(L.i(i243))))), 4)) {
case 0: {
T.t((2 <= -2));
String v245 = new Box(1).with(new Box(1)).toString();
}
break;
case 2: {
try {
Fn fn246 = (int x247) -> {
T.t(((x247 < x247) ? ((String) await(L.str("s1"))) : "s1".toUpperCase()));
try {
Box v248 = ((Box) await(L.box(new Box(9))));
synchronized (Pshd7ocp.class) {
T.t((switch ("s1".concat("s1")) { case "s1", "s2" -> (switch ("s0") { case "s1", "s2" -> "s0"; case "s3" -> { T.t(x247); yield java.util.Objects.requireNonNull("s1"); } default -> "s1"; }); case "s3" -> { T.t("s1".length()); yield java.util.Objects.requireNonNull(("k" + 9.25f + v248)); } default -> "s2".toUpperCase(); }));
float v249 = (float) (short) ((short) 4);
}
if (((boolean) await(L.z((true ^ true))))) throw new FuzzException("t" + ((String) await(L.str("s1"))).length());
}
finally {
await(L.v());
{
byte v250 = (byte) (int) (((int) await(this.m2(d - 1, (byte) 3))));
}
}
return Future.ready(((int) await(L.i(new Box(1).sum()))));
};
synchronized (Pshd7ocp.LOCK) {
CharSequence v251 = v241;
synchronized (Pshd7ocp.LOCK) {
T.t((int) (long) (3L));
}
try {
byte v252 = (byte) (int) ((switch (Math.floorMod(((int) i243), 4)) { case 0 -> i243; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(i243); } default -> i243; }));
synchronized (this) {
float v253 = (p224 - (float) (short) ((short) 3));
char v254 = (char) ('a' + Math.floorMod(((int) i243), 26));
byte v255 = (byte) (int) ((false ? 8 : 7));
}
int[] v256 = new int[Math.floorMod(((int) i243), 4) + 1];
}
catch (Exception ex257) {
T.t("sync caught " + ex257.getMessage());
{
synchronized (Pshd7ocp.class) {
v241 = "s2";
String v258 = v241;
T.t((char) ('a' + Math.floorMod(((int) i243), 26)));
}
}
}
}
synchronized (Pshd7ocp.LOCK) {
Box v259 = new Box(3);
short v260 = (short) (i243 + (byte) (int) (0));
}
}
catch (FuzzException ex261) {
T.t("sync caught " + ex261.getMessage());
await(L.i(0));
{
await(L.i(0));
boolean v262 = (true ? false : true);
}
}
finally {
await(L.v());
{
int[] v263 = ((int[]) await(L.arr(new int[] {9, 2})));
synchronized (L.lock((int) await(L.i(i243)))) {
synchronized (Pshd7ocp.LOCK) {
short v264 = (short) -1;
}
T.t(Integer.compare(-2, 0));
if (v241.isEmpty()) continue L242;
}
}
}
synchronized (Pshd7ocp.LOCK) {
if ((9L == (true ? -2L : 3L))) throw new FuzzException("t" + (false ? new Box(8).sum() : i243));
T.t(((2.5 + 7.5) < (float) (short) ((short) 2)));
}
}
break;
default: {
synchronized (Pshd7ocp.class) {
long v265 = ((long) (int) (i243) ^ (4L - 1L));
}
}
}
}
while (++i243 < 0); }
switch (Color.of((int) (6))) {
case RED: {
synchronized (L.lock((int) await(L.i(1)))) {
T.t((true ? 2.5 : 9.5));
T.t(new StringBuilder(new StringBuilder("c2")));
int[] v266 = new int[] {-3, 2};
}
}
break;
case BLUE: {
String v267 = ((String) await(L.str(v241)));
synchronized (L.lock((int) await(L.i(new int[] {-1, 2}.length)))) {
int[] v268 = new int[] {0, 4, (int) (long) (2L)};
}
}
break;
default: {
try (Res r269 = new Res("r269", ((int) await(L.i(9))))) {
T.t(r269.use((int) (long) (-2L)));
{
double v270 = ((double) await(L.d(((double) await(L.d(9.5))))));
}
}
}
}
return CompletableFuture.completedFuture(((int) await(this.e0(d - 1, (false ? p224 : p224)))));
}

private static CompletableFuture<Integer> e1(int d, char p271) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(1)));
int v272 = ((6 == 9) ? ((int) await(L.i(4))) : ((int) await(new Pshd7ocp().m2(d - 1, (byte) 3))));
boolean v273 = ((boolean) await(L.z(((boolean) await(L.z(true))))));
if (((boolean) await(L.z(false)))) {
byte v274 = (byte) 1;
}
else {
if (((1L - 9L) == (long) (int) (6))) {
String v275 = new StringBuilder(("k" + "s3" + "o2")).append(((String) new StringBuilder("s0").append(((byte) (byte) 4)).append(((float) 1.25f)).toString())).append(((String) L.vs(v273, 0L))).toString();
}
}
return CompletableFuture.completedFuture(((int) await(new Pshd7ocp().m3(d - 1, (char) ('a' + Math.floorMod(((int) 1), 26))))));
}

}
