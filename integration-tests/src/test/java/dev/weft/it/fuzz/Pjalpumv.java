package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class Pjalpumv {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(0)));
int v0 = G.drain(g0(4)).length();
{
String v1 = ((String) await(L.str("s3")));
double v2 = ((double) await(L.d(3.5)));
}
int v3 = ((int) await(L.cs((true ? v0 : v0))));
CharSequence v4 = ((CharSequence) await(L.cq("c0")));
try {
T.t(Integer.compare((v0 * v0), 3));
synchronized (L.lock((int) await(L.i(L.va(v3, v3, v0))))) {
try {
short v5 = (short) 7;
synchronized (Pjalpumv.LOCK) {
Object v6 = (false ? v4 : "o1");
}
if ("s0".isEmpty()) return L.i(v3);
}
catch (Exception ex7) {
T.t("sync caught " + ex7.getMessage());
{
long v8 = 3L;
T.t(new Box(v0));
}
}
CharSequence v9 = T.show(new int[] {6, 2});
}
Fn fn10 = (int x11) -> {
float v12 = ((float) await(L.f(0.25f)));
return Future.ready(x11);
};
}
catch (RuntimeException ex13) {
T.t("sync caught " + ex13.getMessage());
await(L.v());
{
L14: for (int i15 = 0; i15 < 1; i15++) {
synchronized (L.lock((int) await(L.i(('j' + (short) 2))))) {
L16: for (int i17 = 0; i17 < 3; i17++) {
synchronized (Pjalpumv.class) {
boolean v18 = true;
CharSequence v19 = "s3";
if (!v18) continue;
float v20 = (float) (short) ((short) 2);
}
Box v21 = (true ? new Box(7) : new Box(1).with(new Box(6)));
}
L22: for (int i23 = 0; i23 < 2; i23++) {
synchronized (Pjalpumv.LOCK) {
Object v24 = "o0";
if ((false ? true : true)) break L22;
short v25 = (short) 7;
}
Box v26 = new Box(-1);
}
if (true) continue;
if ((4L == 7L)) continue L14;
}
await(L.v());
if ((false & ((boolean) await(L.z(true))))) throw new FuzzException("t" + v0);
}
L27: for (int i28 = 0; i28 < 1; i28++) {
synchronized (Pjalpumv.class) {
short v29 = (short) ((switch (Math.floorMod(((int) i28), 4)) { case 0 -> v3; case 1, 2 -> { T.t("s0"); yield java.util.Objects.requireNonNull(i28); } default -> 0; }) + (byte) 9);
long v30 = (i28 * 1000L);
if (false) continue;
int v31 = i28;
}
await(L.v());
synchronized (L.lock((int) await(L.i(new int[] {2, 2}.length)))) {
Object v32 = (Object) ((char) 'j');
T.t(new Box((int) (double) (7.5)));
int v33 = new Box(1).sum();
}
}
}
}
finally {
await(L.v());
{
Fn fn34 = x35 -> m0(d - 1);
}
}
return m0(d - 1);
}

static CompletableFuture<Integer> e0(int d, byte p36) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(6)));
CharSequence v37 = "c0";
L38: for (int i39 = 0; i39 < 1; i39++) {
synchronized (Pjalpumv.class) {
{
String v40 = String.valueOf(((String) new Box(1).toString()));
}
{ int i42 = 0; L41: while (i42++ < 1) {
p36 = p36;
float v43 = 1.25f;
}
}
if (true) break L38;
T.t('c');
}
await(L.i(0));
synchronized (Pjalpumv.LOCK) {
int v44 = i39;
}
}
try {
CharSequence v45 = (false ? "s0" : new StringBuilder("s1"));
synchronized (Pjalpumv.class) {
char v46 = (char) ('a' + Math.floorMod(((int) 2), 26));
try {
synchronized (L.lock((6 * -2))) {
byte v47 = (byte) (int) ((true ? 3 : -3));
String v48 = (true ? "s0" : "s2");
int v49 = ("k" + (short) -2 + v48).length();
}
byte v50 = (byte) (int) ((int) (long) (1L));
}
catch (FuzzException ex51) {
T.t("caught " + ex51.getMessage());
{
if ((true & (2.5 < 4.25f))) throw new FuzzException("t" + (false ? "s3" : "s1").length());
}
if ((1L == 3L)) throw ex51;
}
}
Object v52 = (false ? "c2" : "o1");
}
catch (RuntimeException ex53) {
T.t("sync caught " + ex53.getMessage());
await(L.i(0));
{
try {
synchronized (Pjalpumv.LOCK) {
float v54 = 4.25f;
try {
short v55 = (short) ((4 << (0 & 7)) + p36);
synchronized (L.lock((5 * 7))) {
int v56 = new Box(4L, "s2", 7).sum();
Box v57 = new Box(v56);
char v58 = (char) ('a' + Math.floorMod(((int) "s3".length()), 26));
}
double v59 = (1.5 + -3.5);
}
catch (RuntimeException ex60) {
T.t("sync caught " + ex60.getMessage());
{
int[] v61 = new int[] {6, -3, 1};
}
}
finally {
{
String v62 = "s3".toUpperCase();
}
}
}
Fn fn63 = x64 -> m0(d - 1);
}
catch (RuntimeException ex65) {
T.t("caught " + ex65.getMessage());
{
T.t("s2".concat("s2"));
}
}
}
}
finally {
await(L.i(0));
{
try {
synchronized (Pjalpumv.class) {
L66: for (int i67 = 0; i67 < 3; i67++) {
synchronized (Pjalpumv.LOCK) {
short v68 = (short) (new int[] {1, 2}.length + (true ? p36 : (byte) 3));
if (true) break L66;
short v69 = (short) (i67 + (byte) 2);
}
try {
T.t(((1.5 - 0.5) * 5.5));
synchronized (Pjalpumv.LOCK) {
char v70 = 'g';
byte v71 = p36;
}
Object v72 = "o2";
}
catch (RuntimeException ex73) {
T.t("sync caught " + ex73.getMessage());
{
char v74 = (char) ('a' + Math.floorMod(((int) (true ? 2 : i67)), 26));
}
}
finally {
{
Box v75 = (true ? new Box((long) (int) (i67), new StringBuilder("s3").append(((long) 0L)).append(((CharSequence) "c2")).toString(), 1) : new Box((i67 + i67)));
}
}
}
int v76 = 3;
}
synchronized (L.lock((int) await(L.i((int) (long) (1L))))) {
T.t(((2L == 1L) ? (false ? true : false) : (5L == 9L)));
}
T.t(((String) await(L.str("s0"))).concat("s0"));
}
finally {
await(L.i(0));
{
Fn fn77 = (int x78) -> {
Box v79 = new Box(x78);
return Future.ready(((int) await(L.cs((int) (double) (-2.5)))));
};
}
}
}
}
Object v80 = ((Object) await(L.o("o0")));
return CompletableFuture.completedFuture(2);
}

static Generator<Integer> g0(int n81) throws Exception {
G.begin();
try {
L82: for (String e83 : java.util.List.of(("k" + (short) 0 + 'f'), ("k" + (short) -3 + n81))) {
int v84 = e83.length();
}
}
catch (Exception ex85) {
T.t("caught " + ex85.getMessage());
{
try (Res r86 = new Res("r86", ((false ? n81 : 6) << (8 & 7)))) {
T.t(r86.use(new int[] {7, 2}.length));
{
Box v87 = new Box(8);
T.t(("k" + "s2".toUpperCase() + "c1"));
}
}
catch (Exception ex88) {
T.t("twr caught " + ex88.getMessage());
}
}
}
finally {
try {
if (((9.5 < 0.25f) & true)) throw new FuzzException("t" + new int[] {8, 2}.clone().length);
n81 += ((char) ('a' + Math.floorMod(((int) -3), 26)) + (short) (n81 + (byte) -2));
}
catch (RuntimeException ex89) {
T.t("caught " + ex89.getMessage());
{
synchronized (Pjalpumv.LOCK) {
char v90 = (char) ('a' + Math.floorMod(((int) n81), 26));
T.t((switch ("s3") { case "s1", "s2" -> "s1"; case "s3" -> { T.t(6); yield java.util.Objects.requireNonNull("s2"); } default -> "s3"; }));
}
Generator.yield((double) (int) (-2));
}
}
catch (Exception ex91) {
T.t("caught " + ex91.getMessage());
{
T.t((char) ('a' + Math.floorMod(((int) n81), 26)));
float v92 = ((float) (short) ((short) 8) * (float) (short) ((short) 5));
}
}
finally {
try {
try {
int[] v93 = new int[] {-3, 2};
synchronized (Pjalpumv.class) {
n81 = String.valueOf(((byte) (byte) 3)).length();
T.t((true ? new Box(7L, "s3", 1) : new Box(n81)));
boolean v94 = ((n81 % (n81 | 1)) == ('d' + (short) 4));
}
double v95 = ((long) (int) (n81) / 4.0);
}
catch (Exception ex96) {
T.t("sync caught " + ex96.getMessage());
{
Generator.yield((byte) 8);
CharSequence v97 = "s0";
}
}
synchronized (L.lock(new int[] {2, 2}.length)) {
char v98 = (char) ('a' + Math.floorMod(((int) 2), 26));
try {
float v99 = (float) (short) ((short) (n81 + (byte) 2));
synchronized (Pjalpumv.LOCK) {
if (("k" + v98 + true).isEmpty()) throw new FuzzException("t" + n81);
boolean v100 = true;
int[] v101 = new int[Math.floorMod(((int) (int) (long) (1L)), 4) + 1];
}
String v102 = ("k" + (char) ('a' + Math.floorMod(((int) n81), 26)) + n81);
}
finally {
{
if (new StringBuilder("s3").append(((float) 2.25f)).append(((double) 5.5)).toString().isEmpty()) return null;
T.t(("k" + n81 + n81));
}
}
try {
v98 = (true ? v98 : 'i');
synchronized (Pjalpumv.class) {
CharSequence v103 = "c2";
boolean v104 = (!true ^ false);
}
String v105 = L.vs(2, n81);
}
catch (RuntimeException ex106) {
T.t("sync caught " + ex106.getMessage());
{
float v107 = (true ? 9.25f : 2.25f);
try {
v98 = v98;
synchronized (Pjalpumv.class) {
short v108 = (!true ? (short) (1 + (byte) 9) : (true ? (short) 8 : (short) 6));
}
String v109 = new Box(3L, "s1", n81).toString();
}
catch (RuntimeException ex110) {
T.t("sync caught " + ex110.getMessage());
{
Box v111 = (!true ? new Box(0) : (false ? new Box(2) : new Box(1)));
}
}
finally {
{
Object v112 = "o1";
}
}
}
}
finally {
{
if ((n81 != n81)) return null;
synchronized (Pjalpumv.class) {
byte v113 = (byte) (int) (6);
Object v114 = "o1";
}
}
}
}
T.t((switch (new StringBuilder("s1").append(((short) (short) 5)).append(((Box) new Box(-3))).toString()) { case "s1", "s2" -> "s0"; case "s3" -> { T.t((int) (long) (-1L)); yield java.util.Objects.requireNonNull(("k" + 1L + false)); } default -> L.vs(-3, "s3"); }));
}
catch (FuzzException ex115) {
T.t("sync caught " + ex115.getMessage());
{
double v116 = 7.5;
char v117 = (char) ('a' + Math.floorMod(((int) 7), 26));
}
}
finally {
{
int v118 = L.va(-1, n81, 8);
}
}
synchronized (Pjalpumv.LOCK) {
T.t(L.vs(L.vs(3.5, (byte) -1), (char) ('a' + Math.floorMod(((int) n81), 26))));
L119: for (int i120 = 0; i120 < 2; i120++) {
synchronized (Pjalpumv.LOCK) {
String v121 = (!false ? ("k" + (short) 4 + 9.25f) : "s3");
double v122 = (5.5 + 4.5);
boolean v123 = (false ? v121.isEmpty() : (v122 < 3.25f));
if ((8.5 < -1.25f)) continue;
int[] v124 = new int[] {7, 2}.clone().clone();
}
float v125 = 3.25f;
}
synchronized (L.lock(new Box(5).sum())) {
String v126 = "s3";
}
}
}
try (Res r127 = new Res("r127", ((n81 != 9) ? 9 : n81))) {
T.t(r127.use((0 << (n81 & 7))));
{
int v128 = n81;
}
}
}
Object v129 = (Object) ((char) (char) ('a' + Math.floorMod(((int) 5), 26)));
switch (Color.of((int) ((L.va(n81, n81, 5) ^ n81)))) {
case RED: {
Generator.yield("s3".length());
T.t(("k" + -2L + -3.5));
}
break;
case BLUE: {
{
char v130 = (char) ('a' + Math.floorMod(((int) n81), 26));
Generator.yield((n81 << (L.va(n81, n81, -2) & 7)));
}
try {
if (("k" + "o2" + true).isEmpty()) throw new FuzzException("t" + Integer.compare((n81 % (n81 | 1)), (false ? 3 : 6)));
synchronized (Pjalpumv.class) {
T.t((switch (T.show(new int[] {1, 2})) { case "s1", "s2" -> ("k" + (byte) 6 + 8.5); case "s3" -> { T.t((n81 * n81)); yield java.util.Objects.requireNonNull((switch ("s2") { case "s1", "s2" -> "s2"; case "s3" -> { T.t(4); yield java.util.Objects.requireNonNull("s3"); } default -> "s1"; })); } default -> String.valueOf(((CharSequence) "c1")); }));
}
Generator.yield((n81 << (n81 & 7)));
}
finally {
{
if ((5.5 < 1.25f)) return null;
}
}
}
default: {
int[] v131 = new int[Math.floorMod(((int) n81), 4) + 1];
}
}
return null;
}

}
